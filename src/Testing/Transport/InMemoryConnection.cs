using System.Net.WebSockets;
using CpWebSocket.Transport;

namespace CpWebSocket.Testing.Transport;

/// <summary>
/// One connection an <see cref="InMemoryTransport"/> made, seen from the server's side: the attempt the client made, and
/// the server's end of the websocket.
/// </summary>
public sealed class InMemoryConnection
{
    private readonly PipeLink _link;

    internal InMemoryConnection(int number, WebSocketConnectContext context, WebSocket socket, PipeLink link)
    {
        Number = number;
        Context = context;
        Socket = socket;
        _link = link;
    }

    /// <summary>1 for the first connection the transport made, 2 for the next (a reconnect, or another client), and so on.</summary>
    public int Number { get; }

    /// <summary>The client's attempt: its address, headers, subprotocols, size limit and attempt number.</summary>
    public WebSocketConnectContext Context { get; }

    /// <summary>
    /// The server's end of the websocket (unmasked frames, as a server writes them). Read it to answer the client's pings
    /// and close frame; the transport disposes it once the connection's handler has completed.
    /// </summary>
    public WebSocket Socket { get; }

    /// <summary>Whether <see cref="Drop"/> was called.</summary>
    public bool IsDropped => _link.IsDropped;

    /// <summary>Completes once the client's end of the connection is gone: closed and disposed by its websocket, or dropped.</summary>
    internal Task ClientGone => _link.ClientGone;

    /// <summary>
    /// Ends the connection at once with no close frame, as a lost network does: the client reads the end of its stream
    /// (a lost connection, which a <see cref="ReconnectPolicy"/> reconnects), and reads and writes on both ends stop.
    /// </summary>
    public void Drop()
    {
        _link.Drop();
        Socket.Abort();
    }

    /// <summary>
    /// Writes <paramref name="bytes"/> to the client as they are, outside the websocket's framing: a hand-made frame
    /// (a reserved bit set, an unknown opcode, a masked server frame). Never splits a frame the websocket writes.
    /// </summary>
    /// <param name="bytes">The bytes.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the bytes are written.</returns>
    /// <exception cref="IOException">The connection was dropped, or the client has gone.</exception>
    public ValueTask WriteRawAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken = default) =>
        _link.Server.WriteAsync(bytes, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"in-memory connection #{Number} to {Context.Url}";
}
