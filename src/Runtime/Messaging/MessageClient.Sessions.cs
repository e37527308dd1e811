using CpWebSocket.Transport;

namespace CpWebSocket.Messaging;

public abstract partial class MessageClient
{
    /// <summary>Registers a hook that runs before each connection attempt (see <see cref="HttpWebSocket.OnConnecting"/>): choose its address and headers.</summary>
    /// <param name="hook">Called with the attempt's context and a token cancelled when the attempt is abandoned.</param>
    /// <returns>Removes the hook when disposed.</returns>
    public IDisposable OnConnecting(Func<WebSocketConnectContext, CancellationToken, ValueTask> hook) => Connection.OnConnecting(hook);

    /// <summary>
    /// Registers a hook that runs each time a connection opens, such as a handshake (see
    /// <see cref="HttpWebSocket.OnOpened(Func{CancellationToken, ValueTask})"/>): the connection is ready, and
    /// <see cref="OpenAsync"/> completes, only once it ran. It can send, await requests and <see cref="WaitForAsync{T}(Func{T, bool}?, CancellationToken)"/>.
    /// </summary>
    /// <param name="hook">Called with a token cancelled when this connection ends.</param>
    /// <returns>Removes the hook when disposed.</returns>
    public IDisposable OnOpened(Func<CancellationToken, ValueTask> hook) => Connection.OnOpened(hook);

    /// <summary>Registers a hook that runs each time a connection opens, with the attempt's context (see <see cref="HttpWebSocket.OnOpened(Func{WebSocketConnectContext, CancellationToken, ValueTask})"/>).</summary>
    /// <param name="hook">Called with the attempt's context and a token cancelled when this connection ends.</param>
    /// <returns>Removes the hook when disposed.</returns>
    public IDisposable OnOpened(Func<WebSocketConnectContext, CancellationToken, ValueTask> hook) => Connection.OnOpened(hook);

    /// <summary>Registers a hook that runs after each <see cref="Closed"/> event (see <see cref="HttpWebSocket.OnClosed"/>).</summary>
    /// <param name="hook">Called with how the connection closed and a token cancelled when the client is disposed.</param>
    /// <returns>Removes the hook when disposed.</returns>
    public IDisposable OnClosed(Func<WebSocketCloseInfo, CancellationToken, ValueTask> hook) => Connection.OnClosed(hook);

    /// <summary>Starts work repeated for as long as the current connection lasts, such as a heartbeat (see <see cref="HttpWebSocket.StartHeartbeat"/>).</summary>
    /// <param name="interval">The time from the end of one beat to the start of the next.</param>
    /// <param name="beat">The work; its token is cancelled when the connection ends.</param>
    /// <returns>The heartbeat: <see cref="ConnectionHeartbeat.BeatNow"/> beats at once, disposing it stops it.</returns>
    public ConnectionHeartbeat StartHeartbeat(TimeSpan interval, Func<CancellationToken, ValueTask> beat) => Connection.StartHeartbeat(interval, beat);
}
