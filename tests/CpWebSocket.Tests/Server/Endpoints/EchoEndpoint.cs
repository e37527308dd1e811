using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// <c>/echo[?max=BYTES&amp;slip_after=K&amp;slip_size=N&amp;compress=1]</c>: echoes every message with its type, reassembling
/// fragments up to <c>max</c> (default 64 MiB; larger closes with 1009), and answers the client's close with the same
/// code. With <c>slip_after</c>, a binary message of <c>slip_size</c> bytes (one frame) is slipped in after the K-th echo;
/// with <c>compress=1</c>, permessage-deflate is accepted when the client offers it.
/// </summary>
internal sealed class EchoEndpoint : WebSocketEndpoint
{
    public override string Path => "/echo";

    public override WebSocketAcceptContext CreateAcceptContext(HttpContext context) =>
        new() { DangerousEnableCompression = QueryParameters.GetInt32(context, "compress", 0) == 1 };

    public override Task RunAsync(WebSocketSession session)
    {
        var slipAfter = QueryParameters.GetInt32(session.Context, "slip_after", -1);
        var slipSize = QueryParameters.GetInt32(session.Context, "slip_size", 0);
        return slipAfter < 0
            ? session.EchoAsync()
            : session.EchoAsync(afterEcho: count => count == slipAfter
                ? session.SendAsync(WebSocketMessageType.Binary, new byte[slipSize], endOfMessage: true, session.Stopping)
                : Task.CompletedTask);
    }
}
