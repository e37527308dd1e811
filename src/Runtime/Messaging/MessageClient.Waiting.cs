namespace CpWebSocket.Messaging;

public abstract partial class MessageClient
{
    private readonly MessageWaits _waits = new();

    /// <summary>
    /// Waits for the next received <typeparamref name="T"/> (that matches <paramref name="match"/>, when given): one of
    /// the client's received contracts. Called from an <c>OnOpened</c> hook, it also sees the messages that arrived since
    /// the connection opened, so a handshake's first message from the server is never missed. Messages are matched as
    /// they arrive, so a handler, a stream's reader or a hook can await one without waiting for itself; the message is
    /// still delivered to its handlers afterwards, in order.
    /// </summary>
    /// <typeparam name="T">A received contract of this client.</typeparam>
    /// <param name="match">Which message to wait for; <see langword="null"/> for the next one. It runs on the receive loop: keep it quick.</param>
    /// <param name="cancellationToken">Ends the wait with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>The message.</returns>
    /// <exception cref="ArgumentException">This client receives no <typeparamref name="T"/>.</exception>
    /// <exception cref="ObjectDisposedException">The client was disposed.</exception>
    /// <exception cref="WebSocketWaitAbortedException">The connection closed, or the client was disposed, before the message arrived.</exception>
    /// <example>
    /// <code language="csharp">
    /// obs.OnOpened(async ct =>
    /// {
    ///     var hello = await obs.WaitForAsync&lt;Hello&gt;(cancellationToken: ct);
    ///     await obs.SendAsync(new Identify(1, Authentication.For(hello, password)), ct);
    ///     await obs.WaitForAsync&lt;Identified&gt;(cancellationToken: ct);
    /// });
    /// </code>
    /// </example>
    public Task<T> WaitForAsync<T>(Func<T, bool>? match = null, CancellationToken cancellationToken = default)
    {
        var contracts = _router.Contracts.OfType<InboundContract<T>>().ToArray();
        if (contracts.Length == 0)
        {
            throw new ArgumentException(
                $"{GetType().Name} receives no {typeof(T)}: only its received contracts can be awaited (declare it with [Receives(typeof({typeof(T).Name}))]).",
                nameof(T));
        }

        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        var waiter = new MessageWaiter<T>(contracts, match);
        _waits.Add(waiter);
        if (cancellationToken.CanBeCanceled && !waiter.Task.IsCompleted)
        {
            waiter.Cancellation = cancellationToken.UnsafeRegister(
                static (state, token) =>
                {
                    var (waits, waiter) = ((MessageWaits, MessageWaiter<T>))state!;
                    if (waits.Remove(waiter))
                    {
                        waiter.Cancel(token);
                    }
                },
                (_waits, waiter));
            if (waiter.Task.IsCompleted)
            {
                waiter.Cancellation.Dispose();
            }
        }

        return waiter.Task;
    }
}
