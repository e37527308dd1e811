using System.Net.WebSockets;
using System.Text;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// <c>/late?count=6&amp;bad=oversized|invalid-utf8|none&amp;size=N</c>: echoes until the client's close frame arrives;
/// then, before answering it, sends <c>count</c> text messages <c>late 0</c>, <c>late 1</c>, ..., then one bad frame (a
/// binary message of <c>size</c> bytes in a single frame, default 1 MiB; or a text frame that is not UTF-8; or none), then
/// the answer. What a client does with what arrives during its close handshake.
/// </summary>
internal sealed class LateEndpoint : WebSocketEndpoint
{
    public override string Path => "/late";

    public override Task RunAsync(WebSocketSession session)
    {
        var count = QueryParameters.GetInt32(session.Context, "count", 6);
        var bad = QueryParameters.GetString(session.Context, "bad", "oversized");
        var size = QueryParameters.GetInt32(session.Context, "size", 1024 * 1024);
        return session.EchoAsync(onClientClose: () => SendLateAsync(session, count, bad, size));
    }

    private static async Task SendLateAsync(WebSocketSession session, int count, string bad, int size)
    {
        for (var i = 0; i < count; i++)
        {
            await session.SendAsync(WebSocketMessageType.Text, Encoding.UTF8.GetBytes($"late {i}"), endOfMessage: true, session.Stopping).ConfigureAwait(false);
        }

        switch (bad)
        {
            case "invalid-utf8":
                await session.SendAsync(WebSocketMessageType.Text, ServerPayloads.InvalidUtf8(), endOfMessage: true, session.Stopping).ConfigureAwait(false);
                break;
            case "oversized":
                await session.SendAsync(WebSocketMessageType.Binary, new byte[size], endOfMessage: true, session.Stopping).ConfigureAwait(false);
                break;
        }

        await session.AnswerCloseAsync(session.Stopping).ConfigureAwait(false);
    }
}
