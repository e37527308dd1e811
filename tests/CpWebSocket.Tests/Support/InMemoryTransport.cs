using System.IO.Pipelines;
using System.Net.WebSockets;
using CpWebSocket.Transport;

namespace CpWebSocket.Tests.Support;

/// <summary>
/// A <see cref="WebSocketTransport"/> with no network: each connect makes two websockets over a pair of in-memory pipes
/// and hands the server's end to <see cref="Server"/>. Real framing, masking and close handshakes; no sockets.
/// </summary>
public sealed class InMemoryTransport(Func<WebSocket, Task> server) : WebSocketTransport
{
    private readonly List<Task> _servers = [];

    /// <summary>What runs on the server's end of each connection.</summary>
    public Func<WebSocket, Task> Server { get; } = server;

    /// <summary>The contexts of the attempts so far.</summary>
    public List<WebSocketConnectContext> Attempts { get; } = [];

    /// <summary>Completes when every server end has finished.</summary>
    public Task Completion
    {
        get
        {
            lock (_servers)
            {
                return Task.WhenAll(_servers);
            }
        }
    }

    /// <inheritdoc />
    public override ValueTask<WebSocket> ConnectAsync(WebSocketConnectContext context, CancellationToken cancellationToken)
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        var client = WebSocket.CreateFromStream(new DuplexPipeStream(toClient.Reader, toServer.Writer), new WebSocketCreationOptions { KeepAliveInterval = TimeSpan.Zero });
        var serverEnd = WebSocket.CreateFromStream(new DuplexPipeStream(toServer.Reader, toClient.Writer), new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        lock (_servers)
        {
            Attempts.Add(context);
            _servers.Add(Task.Run(async () =>
            {
                using (serverEnd)
                {
                    await Server(serverEnd);
                }
            },
            CancellationToken.None));
        }

        return ValueTask.FromResult(client);
    }

    /// <summary>The echo a server end runs by default: every message back, the close answered.</summary>
    public static async Task EchoAsync(WebSocket socket)
    {
        var buffer = new byte[1024 * 1024];
        try
        {
            while (true)
            {
                var count = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription, CancellationToken.None);
                    return;
                }

                await socket.SendAsync(buffer.AsMemory(0, count), result.MessageType, endOfMessage: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away.
        }
    }

    /// <summary>One end of the pair: reads one pipe, writes the other.</summary>
    private sealed class DuplexPipeStream(PipeReader reader, PipeWriter writer) : Stream
    {
        private readonly Stream _reading = reader.AsStream();
        private readonly Stream _writing = writer.AsStream();

        public override bool CanRead => true;

        public override bool CanWrite => true;

        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _reading.ReadAsync(buffer, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => _writing.WriteAsync(buffer, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => _writing.FlushAsync(cancellationToken);

        public override void Flush() => _writing.Flush();

        public override int Read(byte[] buffer, int offset, int count) => _reading.Read(buffer, offset, count);

        public override void Write(byte[] buffer, int offset, int count) => _writing.Write(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _reading.Dispose();
                _writing.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
