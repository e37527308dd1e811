using System.Buffers;
using System.Net.WebSockets;
using Samples.Shared;

namespace Samples.SeedApi;

/// <summary>
/// An echo server on 127.0.0.1, a free port, the path <c>/echo</c>, logging off. Each message comes back in
/// the same frame type, prefixed with <c>binary echo: </c> or <c>text echo: </c>, because the seed's callback
/// hands over a string and would not show the frame type otherwise.
/// </summary>
internal sealed class EchoServer : IAsyncDisposable
{
    private static readonly byte[] BinaryTag = "binary echo: "u8.ToArray();
    private static readonly byte[] TextTag = "text echo: "u8.ToArray();

    private readonly LoopbackWebSocketHost _host;

    private EchoServer(LoopbackWebSocketHost host) => _host = host;

    /// <summary>The websocket address of the echo endpoint.</summary>
    public Uri Url => _host.Url;

    /// <summary>Starts a server on 127.0.0.1 with a port the system picks.</summary>
    public static async Task<EchoServer> StartAsync() => new(await LoopbackWebSocketHost.StartAsync("/echo", EchoAsync));

    /// <summary>Stops the server: open connections are cancelled, then Kestrel stops.</summary>
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    private static async Task EchoAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>(4096);
        while (await WebSocketMessageReader.ReadAsync(socket, message, socket.CloseOutputAsync, cancellationToken) is { } type)
        {
            var tag = type == WebSocketMessageType.Binary ? BinaryTag : TextTag;
            await socket.SendAsync((byte[])[.. tag, .. message.WrittenSpan], type, endOfMessage: true, cancellationToken);
        }
    }
}
