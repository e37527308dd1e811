using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text.Json;
using CpWebSocket.Benchmarks.Contracts;
using CpWebSocket.Benchmarks.Server;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>
/// Bytes on the wire with and without permessage-deflate: an <see cref="HttpWebSocket"/> sends the small trade message
/// (<see cref="Messages"/> times) and the large order book (<see cref="Books"/> times) to the echo endpoint through a TCP
/// forwarder on 127.0.0.1 that counts the bytes each way, after the opening handshake.
/// </summary>
public static class WireBytesHarness
{
    public const string Flag = "--wire";

    private const int Messages = 1_000;
    private const int Books = 20;

    public static async Task<int> RunAsync(Uri server)
    {
        Console.WriteLine($"Bytes on the wire after the handshake, {Messages:N0} small and {Books} large messages echoed:");
        Console.WriteLine();
        Console.WriteLine("| Compression | Message | Payload bytes each way | To the server | To the client | Wire / payload |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|");
        foreach (var deflate in new[] { false, true })
        {
            foreach (var (name, payload, count) in new[]
            {
                ("small trade", JsonSerializer.SerializeToUtf8Bytes(Samples.Trade, EchoJsonContext.Default.EchoMessage), Messages),
                ("64 KiB book", JsonSerializer.SerializeToUtf8Bytes(Samples.Book, EchoJsonContext.Default.EchoMessage), Books),
            })
            {
                var (toServer, toClient) = await MeasureAsync(server, deflate, payload, count).ConfigureAwait(false);
                var total = (long)payload.Length * count;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {(deflate ? "permessage-deflate" : "none")} | {name} | {total:N0} | {toServer:N0} | {toClient:N0} | {(double)(toServer + toClient) / (2 * total):0.00} |"));
            }
        }

        return 0;
    }

    private static async Task<(long ToServer, long ToClient)> MeasureAsync(Uri server, bool deflate, byte[] payload, int count)
    {
        using var forwarder = new CountingForwarder(server.Port);
        var received = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var url = new Uri($"ws://127.0.0.1:{forwarder.Port}{EchoServer.DeflateEchoPath}");
        await using var socket = new HttpWebSocket(url, options: new HttpWebSocketOptions
        {
            KeepAliveInterval = TimeSpan.Zero,
            DeflateOptions = deflate ? new WebSocketDeflateOptions() : null,
        });
        socket.MessageReceived += message =>
        {
            if (!message.Data.Span.SequenceEqual(payload))
            {
                done.TrySetException(new InvalidOperationException("An echo came back different."));
            }
            else if (++received == count)
            {
                done.TrySetResult();
            }
        };
        await socket.OpenAsync().ConfigureAwait(false);
        var (handshakeOut, handshakeIn) = forwarder.Counts;
        for (var i = 0; i < count; i++)
        {
            await socket.SendAsync(payload, isData: false).ConfigureAwait(false);
        }

        await done.Task.WaitAsync(TimeSpan.FromSeconds(60)).ConfigureAwait(false);
        var (toServer, toClient) = forwarder.Counts;
        return (toServer - handshakeOut, toClient - handshakeIn);
    }

    /// <summary>One TCP connection forwarded to 127.0.0.1:port, its bytes counted each way.</summary>
    private sealed class CountingForwarder : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private long _toServer;
        private long _toClient;

        public CountingForwarder(int target)
        {
            _listener.Start();
            _ = ForwardAsync(target);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public (long ToServer, long ToClient) Counts => (Interlocked.Read(ref _toServer), Interlocked.Read(ref _toClient));

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task ForwardAsync(int target)
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
                using var server = new TcpClient();
                await server.ConnectAsync(IPAddress.Loopback, target, _stop.Token).ConfigureAwait(false);
                await Task.WhenAny(
                    PumpAsync(client.GetStream(), server.GetStream(), toServer: true),
                    PumpAsync(server.GetStream(), client.GetStream(), toServer: false)).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException or IOException)
            {
                // Stopped.
            }
        }

        private async Task PumpAsync(NetworkStream from, NetworkStream to, bool toServer)
        {
            var buffer = new byte[64 * 1024];
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token).ConfigureAwait(false)) > 0)
            {
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token).ConfigureAwait(false);
                Interlocked.Add(ref toServer ? ref _toServer : ref _toClient, read);
            }
        }
    }
}
