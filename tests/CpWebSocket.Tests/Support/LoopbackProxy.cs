using System.Net;
using System.Net.Sockets;

namespace CpWebSocket.Tests.Support;

/// <summary>
/// A TCP proxy on 127.0.0.1 between a client and a server on loopback, under the test's control: each accepted
/// connection becomes a <see cref="ProxyLink"/> that can be reset, half-closed or stalled; <see cref="Delay"/> holds
/// back every chunk in both directions.
/// </summary>
public sealed class LoopbackProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _targetPort;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<ProxyLink> _links = [];
    private readonly List<(int Index, TaskCompletionSource<ProxyLink> Done)> _waiters = [];
    private readonly Task _accepting;
    private long _delayTicks;

    /// <summary>Starts listening on a free port and forwards each connection to <paramref name="targetPort"/> on 127.0.0.1.</summary>
    /// <param name="targetPort">The server's port.</param>
    public LoopbackProxy(int targetPort)
    {
        _targetPort = targetPort;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    /// <summary>The port the proxy listens on.</summary>
    public int Port { get; }

    /// <summary>How long each chunk is held before it is forwarded, in either direction; zero (the default) for none.</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _delayTicks));
        set => Interlocked.Exchange(ref _delayTicks, value.Ticks);
    }

    /// <summary>
    /// The directions a new connection starts stalled in (see <see cref="ProxyLink.Stall"/>); <see cref="ProxyDirection.None"/>
    /// (the default) forwards from the first byte.
    /// </summary>
    public ProxyDirection StalledOnConnect { get; set; }

    /// <summary>The connections accepted so far, in order.</summary>
    public IReadOnlyList<ProxyLink> Links
    {
        get
        {
            lock (_links)
            {
                return _links.ToArray();
            }
        }
    }

    /// <summary><paramref name="serverUri"/> with the proxy's port, so a client connects through the proxy.</summary>
    /// <param name="serverUri">An address of the server the proxy forwards to.</param>
    public Uri Through(Uri serverUri) => new UriBuilder(serverUri) { Port = Port }.Uri;

    /// <summary>Waits for the connection number <paramref name="index"/> (from 0) to be established to the server.</summary>
    /// <param name="timeout">How long to wait before a <see cref="TimeoutException"/>.</param>
    /// <param name="index">Which connection, in accept order.</param>
    public Task<ProxyLink> WaitForLinkAsync(TimeSpan timeout, int index = 0)
    {
        var done = new TaskCompletionSource<ProxyLink>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_links)
        {
            if (index < _links.Count)
            {
                return Task.FromResult(_links[index]);
            }

            _waiters.Add((index, done));
        }

        return done.Task.WaitAsync(timeout);
    }

    /// <summary>Stops accepting and resets every connection still open.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        foreach (var link in Links)
        {
            link.Reset();
            await link.Completion.ConfigureAwait(false);
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptSocketAsync(_stop.Token).ConfigureAwait(false);
                var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    client.NoDelay = true;
                    await server.ConnectAsync(new IPEndPoint(IPAddress.Loopback, _targetPort), _stop.Token).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is SocketException or OperationCanceledException)
                {
                    client.LingerState = new LingerOption(true, 0);
                    client.Dispose();
                    server.Dispose();
                    continue;
                }

                Add(new ProxyLink(client, server, () => Delay, StalledOnConnect));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Disposed.
        }
    }

    private void Add(ProxyLink link)
    {
        List<TaskCompletionSource<ProxyLink>> done;
        lock (_links)
        {
            _links.Add(link);
            var index = _links.Count - 1;
            done = _waiters.Where(w => w.Index == index).Select(w => w.Done).ToList();
            _waiters.RemoveAll(w => w.Index == index);
        }

        done.ForEach(waiter => waiter.TrySetResult(link));
    }
}
