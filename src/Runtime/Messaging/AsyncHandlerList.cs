using System.ComponentModel;
using System.Runtime.ExceptionServices;

namespace CpWebSocket.Messaging;

/// <summary>
/// The async handlers registered for one received message type. They run one after another, in the order
/// they were added, each awaited before the next starts, so a client handles its messages in order. A handler may
/// also take the message's envelope record, read from the message only when such a handler is registered.
/// </summary>
/// <typeparam name="T">The message contract.</typeparam>
/// <example>
/// <code language="csharp">
/// using var subscription = chat.OnSaid(async (message, ct) => await store.SaveAsync(message, ct));
/// </code>
/// </example>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class AsyncHandlerList<T>
{
    private readonly object _gate = new();
    private Registration[] _handlers = [];

    /// <summary>How many handlers are registered.</summary>
    public int Count => Volatile.Read(ref _handlers).Length;

    /// <summary>Adds a handler; it receives the messages that arrive from now on.</summary>
    /// <param name="handler">Receives each message and the client's cancellation token.</param>
    /// <returns>A subscription; dispose it to remove the handler.</returns>
    public IDisposable Add(Func<T, CancellationToken, ValueTask> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Add((message, _, cancellationToken) => handler(message, cancellationToken));
    }

    /// <summary>Adds a handler that also receives the message's envelope; it receives the messages that arrive from now on.</summary>
    /// <typeparam name="TEnvelope">The envelope record.</typeparam>
    /// <param name="handler">Receives each message, its envelope and the client's cancellation token.</param>
    /// <param name="envelope">How the envelope is read (see <see cref="MessageProtocol.EnvelopeRecord{TEnvelope}"/>).</param>
    /// <returns>A subscription; dispose it to remove the handler.</returns>
    public IDisposable Add<TEnvelope>(Func<T, TEnvelope, CancellationToken, ValueTask> handler, EnvelopeContract<TEnvelope> envelope)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(envelope);
        return Add((message, context, cancellationToken) => handler(message, context.ReadEnvelope(envelope), cancellationToken));
    }

    private Registration Add(Func<T, InboundContext, CancellationToken, ValueTask> handler)
    {
        var registration = new Registration(this, handler);
        lock (_gate)
        {
            _handlers = [.. _handlers, registration];
        }

        return registration;
    }

    /// <summary>
    /// Runs every handler with <paramref name="message"/>, one after another. A handler that throws does not stop
    /// the others; the returned task then faults with its exception (an <see cref="AggregateException"/> when
    /// several threw).
    /// </summary>
    /// <param name="message">The received message.</param>
    /// <param name="cancellationToken">Passed to each handler.</param>
    /// <returns>A task that completes when every handler has finished.</returns>
    public ValueTask InvokeAsync(T message, CancellationToken cancellationToken) => InvokeAsync(message, default, cancellationToken);

    /// <summary>
    /// Runs every handler with <paramref name="message"/> and its <paramref name="context"/>, one after another (see
    /// <see cref="InvokeAsync(T, CancellationToken)"/>). A handler whose envelope does not deserialize is not called; the
    /// returned task faults with a <see cref="WebSocketEnvelopeException"/> for it.
    /// </summary>
    /// <param name="message">The received message.</param>
    /// <param name="context">The message's bytes, for handlers that read its envelope.</param>
    /// <param name="cancellationToken">Passed to each handler.</param>
    /// <returns>A task that completes when every handler has finished.</returns>
    public ValueTask InvokeAsync(T message, InboundContext context, CancellationToken cancellationToken)
    {
        // A snapshot: handlers added or removed meanwhile take effect from the next message.
        var handlers = Volatile.Read(ref _handlers);
        List<Exception>? errors = null;
        for (var i = 0; i < handlers.Length; i++)
        {
            ValueTask pending;
            try
            {
                pending = handlers[i].Handler(message, context, cancellationToken);
            }
            catch (Exception ex)
            {
                (errors ??= []).Add(ex);
                continue;
            }

            if (!pending.IsCompletedSuccessfully)
            {
                return ContinueAsync(pending, handlers, i + 1, message, context, errors, cancellationToken);
            }

            pending.GetAwaiter().GetResult();
        }

        return errors is null ? default : ValueTask.FromException(Combine(errors));
    }

    private static async ValueTask ContinueAsync(
        ValueTask pending, Registration[] handlers, int next, T message, InboundContext context, List<Exception>? errors, CancellationToken cancellationToken)
    {
        try
        {
            await pending.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            (errors ??= []).Add(ex);
        }

        for (var i = next; i < handlers.Length; i++)
        {
            try
            {
                await handlers[i].Handler(message, context, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                (errors ??= []).Add(ex);
            }
        }

        if (errors is not null)
        {
            ExceptionDispatchInfo.Throw(Combine(errors));
        }
    }

    private static Exception Combine(List<Exception> errors) => errors.Count == 1 ? errors[0] : new AggregateException(errors);

    private void Remove(Registration registration)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_handlers, registration);
            if (index < 0)
            {
                return;
            }

            _handlers = [.. _handlers.AsSpan(0, index), .. _handlers.AsSpan(index + 1)];
        }
    }

    private sealed class Registration(AsyncHandlerList<T> owner, Func<T, InboundContext, CancellationToken, ValueTask> handler) : IDisposable
    {
        public Func<T, InboundContext, CancellationToken, ValueTask> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
