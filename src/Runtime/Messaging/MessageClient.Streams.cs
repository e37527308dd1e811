using System.ComponentModel;

namespace CpWebSocket.Messaging;

public abstract partial class MessageClient
{
    /// <summary>
    /// The messages of one received contract as an async stream, from the moment this method is called. Called by the
    /// <c>ReadAll…Async</c> methods of generated clients.
    /// </summary>
    /// <remarks>
    /// The stream subscribes at once, so a message that arrives before enumeration starts is kept for the reader. It is
    /// one more handler of the contract: typed events and other handlers still run. It ends when the connection closes
    /// for good (a <see cref="Closed"/> that will not reconnect) or the client is disposed, after the messages already
    /// buffered; cancelling <paramref name="cancellationToken"/> ends it with an <see cref="OperationCanceledException"/>.
    /// A consumer slower than the socket is handled as <see cref="MessageStreamOptions.FullMode"/> says.
    /// </remarks>
    /// <typeparam name="T">The contract type.</typeparam>
    /// <param name="handlers">The contract's handler list.</param>
    /// <param name="options">Buffer size and overflow behaviour; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Ends the stream.</param>
    /// <returns>The stream, already subscribed.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> are invalid.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected MessageSubscription<T> ReadMessagesAsync<T>(AsyncHandlerList<T> handlers, MessageStreamOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        options ??= MessageStreamOptions.Default;
        options.Validate();
        return new MessageSubscription<T>(handlers, Connection, options, _disposingToken, cancellationToken);
    }
}
