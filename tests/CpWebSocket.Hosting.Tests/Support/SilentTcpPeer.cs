using System.Net;
using System.Net.Sockets;

namespace CpWebSocket.Hosting.Tests.Support;

/// <summary>
/// A TCP listener on 127.0.0.1 that accepts connections and never answers: a websocket client that connects to it stays
/// in its opening handshake until its connect timeout.
/// </summary>
public sealed class SilentTcpPeer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];
    private readonly CancellationTokenSource _stopping = new();

    public SilentTcpPeer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    /// <summary>A websocket address on this peer.</summary>
    public Uri Url => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/silent");

    /// <summary>Stops listening and drops every accepted connection.</summary>
    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        lock (_accepted)
        {
            foreach (var socket in _accepted)
            {
                socket.Dispose();
            }
        }

        _stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _listener.AcceptSocketAsync(_stopping.Token);
                lock (_accepted)
                {
                    _accepted.Add(socket);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Disposed.
        }
    }
}
