using System.Net.Sockets;

namespace CpWebSocket.Tests.Support;

/// <summary>
/// One client connection through a <see cref="LoopbackProxy"/> and its connection to the server, with a pump for each
/// direction. Until told otherwise it forwards every byte both ways, passes an end of stream on as a half-close, and a
/// reset on as a reset.
/// </summary>
public sealed class ProxyLink
{
    private const int ChunkSize = 16 * 1024;

    private readonly Socket _client;
    private readonly Socket _server;
    private readonly Func<TimeSpan> _delay;
    private readonly ProxyGate _toServerGate = new();
    private readonly ProxyGate _toClientGate = new();
    private readonly CancellationTokenSource _toServerStop = new();
    private readonly CancellationTokenSource _toClientStop = new();
    private readonly Task _toServer;
    private readonly Task _toClient;
    private long _bytesToServer;
    private long _bytesToClient;
    private int _reset;

    internal ProxyLink(Socket client, Socket server, Func<TimeSpan> delay, ProxyDirection stalled)
    {
        _client = client;
        _server = server;
        _delay = delay;
        Stall(stalled);
        _toServer = Task.Run(() => PumpAsync(_client, _server, _toServerGate, ProxyDirection.ToServer, _toServerStop.Token));
        _toClient = Task.Run(() => PumpAsync(_server, _client, _toClientGate, ProxyDirection.ToClient, _toClientStop.Token));
        Completion = FinishAsync();
    }

    /// <summary>Bytes forwarded from the client to the server so far.</summary>
    public long BytesToServer => Interlocked.Read(ref _bytesToServer);

    /// <summary>Bytes forwarded from the server to the client so far.</summary>
    public long BytesToClient => Interlocked.Read(ref _bytesToClient);

    /// <summary>Completes once both directions stopped and both sockets are closed.</summary>
    public Task Completion { get; }

    /// <summary>
    /// Stops forwarding in <paramref name="directions"/>: nothing more is read from the sender (so its TCP buffers fill
    /// up), and a chunk already read is held back, until <see cref="Resume"/>.
    /// </summary>
    /// <param name="directions">The directions to stall.</param>
    public void Stall(ProxyDirection directions)
    {
        if (directions.HasFlag(ProxyDirection.ToServer))
        {
            _toServerGate.Shut();
        }

        if (directions.HasFlag(ProxyDirection.ToClient))
        {
            _toClientGate.Shut();
        }
    }

    /// <summary>Forwards again in <paramref name="directions"/>, starting with what was held back.</summary>
    /// <param name="directions">The directions to resume.</param>
    public void Resume(ProxyDirection directions)
    {
        if (directions.HasFlag(ProxyDirection.ToServer))
        {
            _toServerGate.Open();
        }

        if (directions.HasFlag(ProxyDirection.ToClient))
        {
            _toClientGate.Open();
        }
    }

    /// <summary>Cuts the connection with a TCP reset (RST) to the client and to the server.</summary>
    public void Reset()
    {
        if (Interlocked.Exchange(ref _reset, 1) != 0)
        {
            return;
        }

        _toServerStop.Cancel();
        _toClientStop.Cancel();
        Abort(_client);
        Abort(_server);
    }

    /// <summary>
    /// Ends the server-to-client direction with a FIN and no websocket close frame, as a peer that shut down its sending
    /// side would. The client-to-server direction keeps forwarding.
    /// </summary>
    /// <returns>A task that completes once the FIN was sent.</returns>
    public async Task HalfCloseAsync()
    {
        await _toClientStop.CancelAsync();
        await _toClient.ConfigureAwait(false);
        try
        {
            _client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // The client already went away.
        }
    }

    private static void Abort(Socket socket)
    {
        try
        {
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Already closed: nothing left to reset.
        }

        socket.Close();
    }

    private async Task PumpAsync(Socket from, Socket to, ProxyGate gate, ProxyDirection direction, CancellationToken stop)
    {
        var buffer = new byte[ChunkSize];
        try
        {
            while (true)
            {
                await gate.WaitOpenAsync(stop).ConfigureAwait(false);
                var read = await from.ReceiveAsync(buffer, SocketFlags.None, stop).ConfigureAwait(false);
                if (read == 0)
                {
                    to.Shutdown(SocketShutdown.Send); // pass the end of stream on
                    return;
                }

                if (_delay() is { } delay && delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, stop).ConfigureAwait(false);
                }

                await gate.WaitOpenAsync(stop).ConfigureAwait(false); // stalled meanwhile: hold the chunk
                var sent = 0;
                while (sent < read)
                {
                    sent += await to.SendAsync(buffer.AsMemory(sent, read - sent), SocketFlags.None, stop).ConfigureAwait(false);
                }

                Interlocked.Add(ref direction == ProxyDirection.ToServer ? ref _bytesToServer : ref _bytesToClient, read);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            if (!stop.IsCancellationRequested)
            {
                Reset(); // one side reset or vanished: pass it on to the other
            }
        }
    }

    private async Task FinishAsync()
    {
        await Task.WhenAll(_toServer, _toClient).ConfigureAwait(false);
        _client.Dispose();
        _server.Dispose();
    }
}
