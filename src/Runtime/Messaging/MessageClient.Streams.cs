using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace CpWebSocket.Messaging;

public abstract partial class MessageClient
{
    /// <summary>
    /// The messages of one received contract as an async stream, from the moment enumeration starts. Called by the
    /// <c>ReadAll…Async</c> methods of generated clients.
    /// </summary>
    /// <remarks>
    /// The stream is one more handler of the contract: typed events and other handlers still run. It ends when the
    /// connection closes for good (a <see cref="Closed"/> that will not reconnect) or the client is disposed, after
    /// the messages already buffered; cancelling <paramref name="cancellationToken"/> ends it with an
    /// <see cref="OperationCanceledException"/>. A consumer slower than the socket is handled as
    /// <see cref="MessageStreamOptions.FullMode"/> says.
    /// </remarks>
    /// <typeparam name="T">The contract type.</typeparam>
    /// <param name="handlers">The contract's handler list.</param>
    /// <param name="options">Buffer size and overflow behaviour; <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    /// <returns>The stream.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> are invalid.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected IAsyncEnumerable<T> ReadMessagesAsync<T>(AsyncHandlerList<T> handlers, MessageStreamOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        options ??= MessageStreamOptions.Default;
        options.Validate();
        return ReadMessagesCoreAsync(handlers, options.Capacity, options.FullMode, cancellationToken);
    }

    private async IAsyncEnumerable<T> ReadMessagesCoreAsync<T>(
        AsyncHandlerList<T> handlers, int capacity, MessageStreamFullMode fullMode, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channelOptions = new BoundedChannelOptions(capacity)
        {
            FullMode = fullMode == MessageStreamFullMode.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        };
        var channel = fullMode == MessageStreamFullMode.DropOldest
            ? Channel.CreateBounded<T>(channelOptions, _ => Connection.ReportError(MessageStreamErrors.StreamDropped(typeof(T), capacity)))
            : Channel.CreateBounded<T>(channelOptions);
        var writer = channel.Writer;

        void OnClosed(WebSocketCloseInfo close)
        {
            if (!close.WillReconnect)
            {
                writer.TryComplete();
            }
        }

        Connection.Closed += OnClosed;
        using var disposing = _disposingToken.UnsafeRegister(static state => ((ChannelWriter<T>)state!).TryComplete(), writer);
        using var registration = handlers.Add((message, token) => writer.TryWrite(message) ? default : WriteWhenRoomAsync(writer, message, token));
        try
        {
            await foreach (var message in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return message;
            }
        }
        finally
        {
            Connection.Closed -= OnClosed;
            writer.TryComplete(); // a message waiting for room is let go: nobody reads this stream any more
        }
    }

    private static async ValueTask WriteWhenRoomAsync<T>(ChannelWriter<T> writer, T message, CancellationToken cancellationToken)
    {
        try
        {
            await writer.WriteAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // The stream ended while the message waited for room.
        }
    }
}
