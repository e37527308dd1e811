using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CpWebSocket.Messaging;

namespace CpWebSocket;

/// <summary>
/// The messages of one received contract as an async stream (the generated <c>ReadAll…Async</c> methods). It subscribes
/// when it is created, not when enumeration starts: every message that arrives from that call on is kept for the reader,
/// so <c>var trades = client.ReadAllTradeAsync(); await client.SubscribeAsync(...); await foreach (var t in trades)</c>
/// misses none.
/// </summary>
/// <remarks>
/// <para>
/// The stream is one more handler of its contract: typed events and other handlers still run. It ends after its buffered
/// messages when the connection closes for good (a <see cref="WebSocketEvent.Closed"/> that will not reconnect, including
/// the one raised when a pending reconnect is cancelled) or the client is disposed; cancelling its token ends it with an
/// <see cref="OperationCanceledException"/>. A reader slower than the socket is handled as
/// <see cref="MessageStreamOptions.FullMode"/> says.
/// </para>
/// <para>
/// A stream is read once. One that is not read to its end holds its subscription until it is disposed (an
/// <c>await foreach</c> that stops early disposes it), its token is cancelled, or the connection closes for good; in
/// <see cref="MessageStreamFullMode.Wait"/>, an unread stream holds up the connection once
/// <see cref="MessageStreamOptions.Capacity"/> messages wait, so dispose one you will not read.
/// </para>
/// </remarks>
/// <typeparam name="T">The contract type.</typeparam>
public sealed class MessageSubscription<T> : IAsyncEnumerable<T>, IDisposable
{
    private readonly Channel<T> _channel;
    private readonly HttpWebSocket _connection;
    private readonly CancellationToken _requested;
    private readonly IDisposable _subscription;
    private readonly Action<WebSocketCloseInfo> _onClosed;
    private CancellationTokenRegistration _disposing;
    private CancellationTokenRegistration _cancelled;
    private int _enumerated;
    private int _disposed;

    internal MessageSubscription(
        AsyncHandlerList<T> handlers, HttpWebSocket connection, MessageStreamOptions options, CancellationToken clientDisposing, CancellationToken cancellationToken)
    {
        var channelOptions = new BoundedChannelOptions(options.Capacity)
        {
            FullMode = options.FullMode == MessageStreamFullMode.DropOldest ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        };
        var capacity = options.Capacity;
        _channel = options.FullMode == MessageStreamFullMode.DropOldest
            ? Channel.CreateBounded<T>(channelOptions, _ => connection.ReportError(MessageStreamErrors.StreamDropped(typeof(T), capacity)))
            : Channel.CreateBounded<T>(channelOptions);
        _connection = connection;
        _requested = cancellationToken;

        var writer = _channel.Writer;
        _onClosed = close =>
        {
            if (!close.WillReconnect)
            {
                writer.TryComplete();
            }
        };
        connection.Closed += _onClosed;
        _subscription = handlers.Add((message, token) => writer.TryWrite(message) ? default : WriteWhenRoomAsync(writer, message, token));
        _disposing = clientDisposing.UnsafeRegister(static state => ((MessageSubscription<T>)state!).Dispose(), this);
        _cancelled = cancellationToken.UnsafeRegister(static state => ((MessageSubscription<T>)state!).Dispose(), this);
    }

    /// <summary>Starts reading the stream; a stream is read once.</summary>
    /// <param name="cancellationToken">Ends the enumeration, as the token given when the stream was requested does.</param>
    /// <returns>The enumerator.</returns>
    /// <exception cref="InvalidOperationException">The stream is already being read, or was read.</exception>
    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _enumerated, 1) != 0)
        {
            throw new InvalidOperationException(
                $"This stream of {typeof(T)} messages is already being read. A stream is read once; call its ReadAll…Async method again for another one, which receives the messages from that call on.");
        }

        return ReadAsync(CancellationToken.None).GetAsyncEnumerator(cancellationToken);
    }

    /// <summary>Unsubscribes: the stream takes no more messages, and a reader ends after those already buffered.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _subscription.Dispose();
        _connection.Closed -= _onClosed;
        _disposing.Dispose();
        _cancelled.Dispose();
        _channel.Writer.TryComplete(); // a message waiting for room is let go: nobody reads it any more
    }

    private async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken enumeration)
    {
        using var linked = enumeration.CanBeCanceled && _requested.CanBeCanceled ? CancellationTokenSource.CreateLinkedTokenSource(_requested, enumeration) : null;
        var token = linked?.Token ?? (enumeration.CanBeCanceled ? enumeration : _requested);
        try
        {
            await foreach (var message in _channel.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                yield return message;
            }

            token.ThrowIfCancellationRequested(); // cancelled while the channel completed: the reader still sees it as cancelled
        }
        finally
        {
            Dispose();
        }
    }

    private static async ValueTask WriteWhenRoomAsync(ChannelWriter<T> writer, T message, CancellationToken cancellationToken)
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
