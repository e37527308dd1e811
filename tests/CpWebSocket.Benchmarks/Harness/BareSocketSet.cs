using System.Net.WebSockets;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>Bare <see cref="ClientWebSocket"/>s, each with one receive pending into a buffer of its own: the least a client that listens holds.</summary>
internal sealed class BareSocketSet : IdleConnectionSet
{
    // The size of the reads Websocket.Client's receive loop (under HttpWebSocket) makes; the buffer it reads into is 16 KiB.
    private const int ReceiveBufferSize = 4 * 1024;

    private readonly ClientWebSocket[] _sockets;
    private readonly Task<WebSocketReceiveResult>[] _receives;

    private BareSocketSet(ClientWebSocket[] sockets, Task<WebSocketReceiveResult>[] receives)
    {
        _sockets = sockets;
        _receives = receives;
    }

    public static async Task<BareSocketSet> OpenAsync(Uri echo, int count)
    {
        var opened = await OpenAllAsync(count, async () =>
        {
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(echo, CancellationToken.None).ConfigureAwait(false);
            return (Socket: socket, Receive: socket.ReceiveAsync(new ArraySegment<byte>(new byte[ReceiveBufferSize]), CancellationToken.None));
        }).ConfigureAwait(false);
        return new BareSocketSet(opened.Select(o => o.Socket).ToArray(), opened.Select(o => o.Receive).ToArray());
    }

    public override int CountOpen() => _sockets.Count(socket => socket.State == WebSocketState.Open);

    public override async Task CloseAsync()
    {
        var closes = await Task.WhenAll(_sockets.Select(async (socket, i) =>
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, CancellationToken.None).ConfigureAwait(false);
            var received = await _receives[i].ConfigureAwait(false);
            var close = received.MessageType == WebSocketMessageType.Close
                ? new WebSocketCloseInfo(socket.CloseStatus, socket.CloseStatusDescription ?? string.Empty, ByPeer: false, WillReconnect: false)
                : new WebSocketCloseInfo(null, $"a {received.MessageType} message instead of the close frame", ByPeer: false, WillReconnect: false);
            socket.Dispose();
            return close;
        })).ConfigureAwait(false);
        EnsureClosedNormally(closes, nameof(ClientWebSocket));
    }
}
