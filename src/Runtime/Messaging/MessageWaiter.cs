namespace CpWebSocket.Messaging;

/// <summary>One wait for the next message of a contract (<see cref="MessageClient.WaitForAsync{T}(Func{T, bool}?, CancellationToken)"/>).</summary>
internal abstract class MessageWaiter
{
    /// <summary>What is awaited, for messages: <c>App.Identified</c>.</summary>
    public abstract string Description { get; }

    /// <summary>Whether messages of <paramref name="contract"/> can satisfy it.</summary>
    public abstract bool Accepts(InboundContract contract);

    /// <summary>
    /// Offers a message of an accepted contract: <see langword="true"/> when it took it (completed, or failed with the
    /// exception of its match predicate); <see langword="false"/> when the message does not read or does not match.
    /// </summary>
    public abstract bool TryTake(InboundContract contract, ReadOnlySpan<byte> payload, bool present);

    /// <summary>Fails the wait, unless it already ended.</summary>
    public abstract void Fail(Exception exception);
}

/// <summary>A wait for the next <typeparamref name="T"/> that matches a predicate.</summary>
internal sealed class MessageWaiter<T>(InboundContract<T>[] contracts, Func<T, bool>? match) : MessageWaiter
{
    // Continuations run on the thread pool, never inline on the receive loop that completes the wait.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<T> Task => _completion.Task;

    public override string Description => typeof(T).ToString();

    /// <summary>Unregistered once the wait ends.</summary>
    public CancellationTokenRegistration Cancellation { get; set; }

    public override bool Accepts(InboundContract contract) => Array.IndexOf(contracts, contract) >= 0;

    public override bool TryTake(InboundContract contract, ReadOnlySpan<byte> payload, bool present)
    {
        if (!((InboundContract<T>)contract).TryRead(payload, present, out var value))
        {
            return false;
        }

        bool matches;
        try
        {
            matches = match is null || match(value);
        }
        catch (Exception ex)
        {
            Fail(ex);
            return true;
        }

        if (matches)
        {
            _completion.TrySetResult(value);
            Cancellation.Dispose();
        }

        return matches;
    }

    public override void Fail(Exception exception)
    {
        if (_completion.TrySetException(exception))
        {
            _ = _completion.Task.Exception; // observed: a wait may be abandoned unawaited
        }

        Cancellation.Dispose();
    }

    public void Cancel(CancellationToken cancellationToken) => _completion.TrySetCanceled(cancellationToken);
}
