namespace CpWebSocket.Benchmarks.Harness;

/// <summary><see cref="HttpWebSocket"/>s with default options and no callback.</summary>
internal sealed class HttpWebSocketSet : IdleConnectionSet
{
    private readonly HttpWebSocket[] _sockets;

    private HttpWebSocketSet(HttpWebSocket[] sockets) => _sockets = sockets;

    public static async Task<HttpWebSocketSet> OpenAsync(Uri echo, int count) =>
        new(await OpenAllAsync(count, async () =>
        {
            var socket = new HttpWebSocket(echo);
            await socket.OpenAsync().ConfigureAwait(false);
            return socket;
        }).ConfigureAwait(false));

    public override int CountOpen() => _sockets.Count(socket => socket.IsOpen);

    public override async Task CloseAsync()
    {
        var closes = await Task.WhenAll(_sockets.Select(async socket =>
        {
            var closed = default(WebSocketCloseInfo);
            socket.Closed += close => closed = close;
            await socket.DisposeAsync().ConfigureAwait(false);
            return closed;
        })).ConfigureAwait(false);
        EnsureClosedNormally(closes, nameof(HttpWebSocket));
    }
}
