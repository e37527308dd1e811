using System.Net;
using System.Net.Sockets;

namespace CpWebSocket.Tests.Support;

/// <summary>
/// A real TCP peer on loopback that accepts connections and never answers, so an opening handshake
/// stays in progress for as long as a test needs.
/// </summary>
public sealed class SilentTcpPeer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _accepted = new();
    private readonly CancellationTokenSource _stop = new();

    public SilentTcpPeer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public Uri WsUri => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/silent");

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_accepted)
        {
            foreach (var client in _accepted)
            {
                client.Dispose();
            }
        }
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_accepted)
                {
                    _accepted.Add(client);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }
}
