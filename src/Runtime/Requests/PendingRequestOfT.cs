namespace CpWebSocket.Messaging;

/// <summary>A request waiting for a <typeparamref name="TResponse"/>.</summary>
internal sealed class PendingRequest<TRequest, TResponse>(long id, RequestContract<TRequest, TResponse> contract)
    : PendingRequest(id)
{
    // Continuations run on the thread pool, never inline on the receive loop that completes the request.
    private readonly TaskCompletionSource<TResponse> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<TResponse> Task => _completion.Task;

    public override string Description => contract.Outbound.ToString();

    public override ResponseMatch Match => contract.Match;

    public override void Complete(ReadOnlySpan<byte> message, ReadOnlySpan<byte> response, ResponseKind kind)
    {
        if (kind == ResponseKind.Error)
        {
            _completion.TrySetException(contract.Match.ErrorResponse!.CreateException(Id, Description, message, response));
            return;
        }

        TResponse value;
        try
        {
            value = contract.ReadResponse(Id, message, response);
        }
        catch (WebSocketResponseException ex)
        {
            _completion.TrySetException(ex);
            return;
        }

        _completion.TrySetResult(value);
    }

    public override void Fail(Exception exception)
    {
        if (_completion.TrySetException(exception))
        {
            _ = _completion.Task.Exception; // observed: a request whose write failed never awaits its response
        }
    }
}
