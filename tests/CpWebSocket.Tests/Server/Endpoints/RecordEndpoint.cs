namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// <c>/record</c>: records every message (type and bytes, in order) without answering any,
/// and answers the client's close with the same code.
/// </summary>
internal sealed class RecordEndpoint : WebSocketEndpoint
{
    public override string Path => "/record";

    public override Task RunAsync(WebSocketSession session) => session.EchoAsync(echo: false);
}
