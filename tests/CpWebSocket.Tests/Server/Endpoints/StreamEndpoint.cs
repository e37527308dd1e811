using System.Globalization;
using System.Net.WebSockets;
using System.Text;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// <c>/stream?interval_ms=5</c>: sends the text messages <c>tick 1</c>, <c>tick 2</c>, ... every <c>interval_ms</c>
/// while it records what the client sends, until the client closes (answered) or goes away.
/// </summary>
internal sealed class StreamEndpoint : WebSocketEndpoint
{
    public override string Path => "/stream";

    public override async Task RunAsync(WebSocketSession session)
    {
        var interval = TimeSpan.FromMilliseconds(QueryParameters.GetInt32(session.Context, "interval_ms", 5));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(session.Stopping);
        var ticking = TickAsync(session, interval, stop.Token);
        try
        {
            await session.EchoAsync(echo: false).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await ticking.ConfigureAwait(false);
        }
    }

    private static async Task TickAsync(WebSocketSession session, TimeSpan interval, CancellationToken stop)
    {
        try
        {
            for (var tick = 1; ; tick++)
            {
                var text = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"tick {tick}"));
                await session.SendAsync(WebSocketMessageType.Text, text, endOfMessage: true, stop).ConfigureAwait(false);
                await Task.Delay(interval, stop).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The conversation ended.
        }
    }
}
