namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// <c>/echo[?max=BYTES]</c>: echoes every message with its type, reassembling fragments up to <c>max</c>
/// (default 64 MiB; larger closes with 1009), and answers the client's close with the same code.
/// </summary>
internal sealed class EchoEndpoint : WebSocketEndpoint
{
    public override string Path => "/echo";

    public override Task RunAsync(WebSocketSession session) => session.EchoAsync();
}
