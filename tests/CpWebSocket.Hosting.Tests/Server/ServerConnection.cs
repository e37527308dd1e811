using System.Net.WebSockets;

namespace CpWebSocket.Hosting.Tests.Server;

/// <summary>One websocket connection the <see cref="WebSocketTestServer"/> accepted, and how it ended.</summary>
public sealed class ServerConnection
{
    private readonly TaskCompletionSource<WebSocketCloseStatus?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _received = [];

    internal ServerConnection(string path, IReadOnlyDictionary<string, string> headers, IReadOnlyList<string> subProtocols, string? accepted)
    {
        Path = path;
        Headers = headers;
        RequestedSubProtocols = subProtocols;
        AcceptedSubProtocol = accepted;
    }

    /// <summary>The request path.</summary>
    public string Path { get; }

    /// <summary>The headers of the opening handshake, names lower-cased.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>The subprotocols the client offered.</summary>
    public IReadOnlyList<string> RequestedSubProtocols { get; }

    /// <summary>The subprotocol the server accepted (the first offered).</summary>
    public string? AcceptedSubProtocol { get; }

    /// <summary>
    /// Completes when the connection ended: with the close status of the client's close frame, or
    /// <see langword="null"/> when it ended without one (dropped, or the server stopped).
    /// </summary>
    public Task<WebSocketCloseStatus?> Ended => _ended.Task;

    /// <summary>The text messages received so far, in order.</summary>
    public IReadOnlyList<string> Received
    {
        get
        {
            lock (_received)
            {
                return _received.ToArray();
            }
        }
    }

    internal void Receive(string text)
    {
        lock (_received)
        {
            _received.Add(text);
        }
    }

    internal void End(WebSocketCloseStatus? status) => _ended.TrySetResult(status);
}
