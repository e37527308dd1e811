namespace CpWebSocket.Testing;

/// <summary>How an <see cref="InMemoryServer{TClient}"/> and its peers behave.</summary>
public sealed class InMemoryServerOptions
{
    /// <summary>
    /// How long each wait lasts (for a connection, a message, a close) before it fails with a
    /// <see cref="PeerAssertionException"/>: 10 s by default, far above what an in-memory exchange takes, so that only a
    /// message that will not come fails a test, even on a loaded machine.
    /// </summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether a peer answers the client's close frame with its own, ending the close handshake (the default). Turn it
    /// off to leave the handshake unanswered, as a hung server does: the client then gives up after its <c>CloseTimeout</c>.
    /// </summary>
    public bool AnswerClose { get; set; } = true;
}
