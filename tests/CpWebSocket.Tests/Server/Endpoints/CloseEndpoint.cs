using System.Net.WebSockets;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// <c>/close?code=4001&amp;reason=bye&amp;after=N&amp;delay_ms=D</c>: echoes the first N messages (default 0), waits D
/// milliseconds without reading (default 0), then starts a close handshake with that code (default 1000) and reason
/// (default empty) and waits for the client's close. If the client closes first, its close is answered.
/// </summary>
internal sealed class CloseEndpoint : WebSocketEndpoint
{
    public override string Path => "/close";

    public override async Task RunAsync(WebSocketSession session)
    {
        var code = (WebSocketCloseStatus)QueryParameters.GetInt32(session.Context, "code", (int)WebSocketCloseStatus.NormalClosure);
        var reason = QueryParameters.GetString(session.Context, "reason", string.Empty);
        var after = QueryParameters.GetInt32(session.Context, "after", 0);
        var delay = QueryParameters.GetInt32(session.Context, "delay_ms", 0);
        if (await session.EchoAsync(messageLimit: after).ConfigureAwait(false))
        {
            if (delay > 0)
            {
                await Task.Delay(delay, session.Stopping).ConfigureAwait(false);
            }

            await session.CloseAsync(code, reason).ConfigureAwait(false);
        }
    }
}
