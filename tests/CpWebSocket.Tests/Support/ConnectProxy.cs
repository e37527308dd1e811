using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CpWebSocket.Tests.Support;

/// <summary>
/// An HTTP proxy on 127.0.0.1 that serves <c>CONNECT</c> tunnels (how a websocket goes through a proxy) to ports on
/// 127.0.0.1 only, and remembers what it was asked for.
/// </summary>
public sealed class ConnectProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _requests = [];
    private readonly List<Task> _tunnels = [];
    private readonly Task _accepting;

    public ConnectProxy()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    /// <summary>The proxy's address, for <see cref="WebProxy"/>.</summary>
    public Uri Uri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    /// <summary>The request lines received so far, such as <c>CONNECT 127.0.0.1:5000 HTTP/1.1</c>.</summary>
    public IReadOnlyList<string> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting.ConfigureAwait(false);
        Task[] tunnels;
        lock (_requests)
        {
            tunnels = [.. _tunnels];
        }

        await Task.WhenAll(tunnels).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                lock (_requests)
                {
                    _tunnels.Add(TunnelAsync(client));
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
    }

    private async Task TunnelAsync(TcpClient client)
    {
        using var _ = client;
        try
        {
            var stream = client.GetStream();
            var head = await ReadHeadAsync(stream).ConfigureAwait(false);
            var requestLine = head.Split("\r\n")[0];
            lock (_requests)
            {
                _requests.Add(requestLine);
            }

            var parts = requestLine.Split(' ');
            if (parts is not ["CONNECT", var target, _] || !target.StartsWith("127.0.0.1:", StringComparison.Ordinal))
            {
                await stream.WriteAsync("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n"u8.ToArray(), _stop.Token).ConfigureAwait(false);
                return;
            }

            using var server = new TcpClient();
            await server.ConnectAsync(IPAddress.Loopback, int.Parse(target.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture), _stop.Token).ConfigureAwait(false);
            await stream.WriteAsync("HTTP/1.1 200 Connection Established\r\n\r\n"u8.ToArray(), _stop.Token).ConfigureAwait(false);
            var upstream = server.GetStream();
            await Task.WhenAny(
                stream.CopyToAsync(upstream, _stop.Token),
                upstream.CopyToAsync(stream, _stop.Token)).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            // The tunnel ended.
        }
    }

    private async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false) == 0)
            {
                throw new IOException("The client went away before its request ended.");
            }

            head.Append((char)one[0]);
        }

        return head.ToString();
    }
}
