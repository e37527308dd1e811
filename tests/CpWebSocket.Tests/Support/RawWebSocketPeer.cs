using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace CpWebSocket.Tests.Support;

/// <summary>
/// A hand-written RFC 6455 server on 127.0.0.1 whose every byte the test decides: it answers the opening handshake
/// with the headers it is given (a valid <c>101</c> by default) and then runs the test's script on the raw stream, so a
/// client can be shown what no well-behaved server sends (a frame that announces 2^62 bytes, an extension it never
/// offered).
/// </summary>
public sealed class RawWebSocketPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<RawWebSocketPeer, string, IEnumerable<string>> _answer;
    private readonly Func<NetworkStream, CancellationToken, Task> _script;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private readonly TaskCompletionSource<string> _request = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="script">What the server does once its answer is sent; the connection stays open until the peer is disposed.</param>
    /// <param name="answer">The response lines after the status line, given the client's key; <see cref="Accepting"/> by default.</param>
    public RawWebSocketPeer(Func<NetworkStream, CancellationToken, Task> script, Func<RawWebSocketPeer, string, IEnumerable<string>>? answer = null)
    {
        _script = script;
        _answer = answer ?? ((_, key) => Accepting(key));
        _listener.Start();
        _serving = ServeAsync();
    }

    /// <summary>The address to connect to.</summary>
    public Uri WsUri => new($"ws://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/raw");

    /// <summary>The client's opening handshake, as received.</summary>
    public Task<string> Request => _request.Task;

    /// <summary>The headers of a valid acceptance of the key <paramref name="key"/>.</summary>
    public static IEnumerable<string> Accepting(string key, params string[] extra) =>
        ["Upgrade: websocket", "Connection: Upgrade", $"Sec-WebSocket-Accept: {AcceptFor(key)}", .. extra];

    /// <summary>An unmasked server frame with a header that announces <paramref name="announced"/> bytes and carries none of them.</summary>
    public static byte[] HeaderOnly(byte opcode, ulong announced)
    {
        var frame = new byte[10];
        frame[0] = (byte)(0x80 | opcode);
        frame[1] = 127;
        BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), announced);
        return frame;
    }

    /// <summary>
    /// A server frame carrying <paramref name="payload"/>: <paramref name="first"/> is its first byte (FIN, RSV and
    /// opcode); masked only when <paramref name="masked"/> (which a server must never do).
    /// </summary>
    public static byte[] Frame(byte first, ReadOnlySpan<byte> payload, bool masked = false)
    {
        var extended = payload.Length < 126 ? 0 : payload.Length <= ushort.MaxValue ? 2 : 8;
        var maskLength = masked ? 4 : 0;
        var frame = new byte[2 + extended + maskLength + payload.Length];
        frame[0] = first;
        frame[1] = (byte)((masked ? 0x80 : 0) | (extended == 0 ? payload.Length : extended == 2 ? 126 : 127));
        if (extended == 2)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)payload.Length);
        }
        else if (extended == 8)
        {
            BinaryPrimitives.WriteUInt64BigEndian(frame.AsSpan(2), (ulong)payload.Length);
        }

        payload.CopyTo(frame.AsSpan(2 + extended + maskLength)); // a zero mask leaves the payload as it is
        return frame;
    }

    /// <summary>Reads the client's frames until a close frame; returns its status code, or null when the stream ended first.</summary>
    public static async Task<int?> ReadCloseAsync(Stream stream, CancellationToken cancellationToken) =>
        (await ReadFramesAsync(stream, cancellationToken)).Close;

    /// <summary>
    /// Reads the client's frames until a close frame: the payloads of the pongs among them, in order, and the close
    /// frame's status code (null when the stream ended first, or the close frame had none).
    /// </summary>
    public static async Task<(List<byte[]> Pongs, int? Close)> ReadFramesAsync(Stream stream, CancellationToken cancellationToken)
    {
        var pongs = new List<byte[]>();
        while (await ReadFrameAsync(stream, cancellationToken) is var (opcode, payload))
        {
            if (opcode == 0x8)
            {
                return (pongs, payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload) : null);
            }

            if (opcode == 0xA)
            {
                pongs.Add(payload);
            }
        }

        return (pongs, null);
    }

    /// <summary>Reads one frame of the client's, unmasked; <see langword="null"/> when the stream ended first.</summary>
    public static async Task<(int Opcode, byte[] Payload)?> ReadFrameAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[14];
        if (!await ReadExactlyOrEndAsync(stream, header.AsMemory(0, 2), cancellationToken))
        {
            return null;
        }

        var opcode = header[0] & 0x0F;
        long length = header[1] & 0x7F;
        var extra = length == 126 ? 2 : length == 127 ? 8 : 0;
        if (!await ReadExactlyOrEndAsync(stream, header.AsMemory(2, extra + 4), cancellationToken))
        {
            return null;
        }

        length = extra switch
        {
            2 => BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2)),
            8 => (long)BinaryPrimitives.ReadUInt64BigEndian(header.AsSpan(2)),
            _ => length,
        };
        var payload = new byte[length];
        if (!await ReadExactlyOrEndAsync(stream, payload, cancellationToken))
        {
            return null;
        }

        var mask = header.AsSpan(2 + extra, 4);
        for (var i = 0; i < payload.Length; i++)
        {
            payload[i] ^= mask[i & 3];
        }

        return (opcode, payload);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving.ConfigureAwait(false);
        _stop.Dispose();
    }

#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for the handshake.
    private static string AcceptFor(string key) =>
        Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350

    private static async Task<bool> ReadExactlyOrEndAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return read == buffer.Length;
    }

    private async Task ServeAsync()
    {
        try
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            await using var stream = client.GetStream();
            var request = await ReadRequestAsync(stream).ConfigureAwait(false);
            _request.TrySetResult(request);
            var key = request.Split("\r\n").Select(line => line.Split(':', 2)).First(parts => parts[0].Trim().Equals("Sec-WebSocket-Key", StringComparison.OrdinalIgnoreCase))[1].Trim();
            var answer = string.Join("\r\n", ["HTTP/1.1 101 Switching Protocols", .. _answer(this, key), string.Empty, string.Empty]);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(answer), _stop.Token).ConfigureAwait(false);
            await _script(stream, _stop.Token).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
            _request.TrySetCanceled();
        }
    }

    private async Task<string> ReadRequestAsync(NetworkStream stream)
    {
        var request = new StringBuilder();
        var one = new byte[1];
        while (!request.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token).ConfigureAwait(false) == 0)
            {
                throw new IOException("The client went away during its handshake.");
            }

            request.Append((char)one[0]);
        }

        return request.ToString();
    }
}
