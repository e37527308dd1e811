using System.Runtime.ExceptionServices;

namespace CpWebSocket.Messaging;

/// <summary>
/// The async handlers registered for one received message type. They run one after another, in the order
/// they were added, each awaited before the next starts, so a client handles its messages in order.
/// </summary>
/// <typeparam name="T">The message contract.</typeparam>
/// <example>
/// <code language="csharp">
/// using var subscription = chat.OnSaid(async (message, ct) => await store.SaveAsync(message, ct));
/// </code>
/// </example>
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
    public ValueTask InvokeAsync(T message, CancellationToken cancellationToken)
    {
        // A snapshot: handlers added or removed meanwhile take effect from the next message.
        var handlers = Volatile.Read(ref _handlers);
        List<Exception>? errors = null;
        for (var i = 0; i < handlers.Length; i++)
        {
            ValueTask pending;
            try
            {
                pending = handlers[i].Handler(message, cancellationToken);
            }
            catch (Exception ex)
            {
                (errors ??= []).Add(ex);
                continue;
            }

            if (!pending.IsCompletedSuccessfully)
            {
                return ContinueAsync(pending, handlers, i + 1, message, errors, cancellationToken);
            }

            pending.GetAwaiter().GetResult();
        }

        return errors is null ? default : ValueTask.FromException(Combine(errors));
    }

    private static async ValueTask ContinueAsync(
        ValueTask pending, Registration[] handlers, int next, T message, List<Exception>? errors, CancellationToken cancellationToken)
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
                await handlers[i].Handler(message, cancellationToken).ConfigureAwait(false);
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

    private sealed class Registration(AsyncHandlerList<T> owner, Func<T, CancellationToken, ValueTask> handler) : IDisposable
    {
        public Func<T, CancellationToken, ValueTask> Handler { get; } = handler;

        public void Dispose() => owner.Remove(this);
    }
}
