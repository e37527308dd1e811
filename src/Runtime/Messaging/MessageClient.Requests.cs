using System.ComponentModel;
using CpWebSocket.Diagnostics;

namespace CpWebSocket.Messaging;

public abstract partial class MessageClient
{
    private readonly RequestRegistry _requests = new();
    private TimeSpan _defaultRequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a request waits for its response once it has been written, unless its contract says otherwise
    /// (<see cref="SendsAttribute.TimeoutMilliseconds"/>). Default 30 seconds; <see cref="Timeout.InfiniteTimeSpan"/>
    /// waits without a limit (the connection closing still ends the wait).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is neither positive nor <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan DefaultRequestTimeout
    {
        get => _defaultRequestTimeout;
        set
        {
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "DefaultRequestTimeout must be positive or Timeout.InfiniteTimeSpan.");
            }

            _defaultRequestTimeout = value;
        }
    }

    /// <summary>
    /// Sends <paramref name="request"/> with a new request id and completes with the received message that carries
    /// the same id and can be its response: its discriminator is the response's (<see cref="RequestContract{TRequest, TResponse}.Response"/>;
    /// absent for a response without one), or the error response's. Any other message that carries the id (the echo of
    /// the request, a request from the server) is routed like every message. Called by the request methods of generated clients.
    /// </summary>
    /// <typeparam name="TRequest">The request contract.</typeparam>
    /// <typeparam name="TResponse">The response contract.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="contract">The request's contract (see <see cref="MessageProtocol.Request{TRequest, TResponse}"/>).</param>
    /// <param name="cancellationToken">Ends the wait with an <see cref="OperationCanceledException"/>; a late response goes to <see cref="Unhandled"/>.</param>
    /// <returns>The response.</returns>
    /// <exception cref="WebSocketSendException">The connection is not open, or the write failed.</exception>
    /// <exception cref="WebSocketRequestTimeoutException">No response within the request's timeout.</exception>
    /// <exception cref="WebSocketRequestAbortedException">The connection closed, or the client was disposed, while the request waited.</exception>
    /// <exception cref="WebSocketResponseException">
    /// The response did not deserialize into <typeparamref name="TResponse"/>, or lacks a member it declares non-nullable;
    /// or, as <see cref="WebSocketResponseException{TError}"/>, the server answered with the declared error response.
    /// </exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected Task<TResponse> RequestAsync<TRequest, TResponse>(TRequest request, RequestContract<TRequest, TResponse> contract, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.Outbound.IsNull(request))
        {
            return Task.FromException<TResponse>(new ArgumentNullException(nameof(request)));
        }

        return cancellationToken.IsCancellationRequested
            ? Task.FromCanceled<TResponse>(cancellationToken)
            : ResponseOnlyAsync(RequestCoreAsync(request, contract, cancellationToken));
    }

    /// <summary>
    /// Sends <paramref name="request"/> like <see cref="RequestAsync{TRequest, TResponse}"/> and unwraps its
    /// <see cref="IResponse{TResult, TError}"/>: the result, or a <see cref="WebSocketResponseException{TError}"/>
    /// carrying the server's error.
    /// </summary>
    /// <typeparam name="TRequest">The request contract.</typeparam>
    /// <typeparam name="TResponse">The response contract, which carries a result or an error.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <typeparam name="TError">The server's error type.</typeparam>
    /// <param name="request">The request.</param>
    /// <param name="contract">The request's contract.</param>
    /// <param name="cancellationToken">Ends the wait with an <see cref="OperationCanceledException"/>.</param>
    /// <returns>The response's result.</returns>
    /// <exception cref="WebSocketResponseException{TError}">The server answered with an error.</exception>
    /// <exception cref="WebSocketSendException">The connection is not open, or the write failed.</exception>
    /// <exception cref="WebSocketRequestTimeoutException">No response within the request's timeout.</exception>
    /// <exception cref="WebSocketRequestAbortedException">The connection closed, or the client was disposed, while the request waited.</exception>
    /// <exception cref="WebSocketResponseException">The response did not deserialize into <typeparamref name="TResponse"/>.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected async Task<TResult> RequestResultAsync<TRequest, TResponse, TResult, TError>(
        TRequest request, RequestContract<TRequest, TResponse> contract, CancellationToken cancellationToken)
        where TResponse : IResponse<TResult, TError>
        where TError : class
    {
        ArgumentNullException.ThrowIfNull(contract);
        if (contract.Outbound.IsNull(request))
        {
            throw new ArgumentNullException(nameof(request));
        }

        cancellationToken.ThrowIfCancellationRequested();
        contract.CarriesError ??= static response => response.Error is not null;
        var (response, id) = await RequestCoreAsync(request, contract, cancellationToken).ConfigureAwait(false);
        if (response.Error is { } error)
        {
            throw new WebSocketResponseException<TError>(RequestErrors.ServerError(id, contract.Outbound, error), error) { RequestId = id };
        }

        return response.Result;
    }

    private static async Task<TResponse> ResponseOnlyAsync<TResponse>(Task<(TResponse Response, long Id)> request) => (await request.ConfigureAwait(false)).Response;

    private async Task<(TResponse Response, long Id)> RequestCoreAsync<TRequest, TResponse>(TRequest request, RequestContract<TRequest, TResponse> contract, CancellationToken cancellationToken)
    {
        var pending = new PendingRequest<TRequest, TResponse>(_requests.NextId(), contract);

        // Registered before it is written, so neither its response nor the connection closing can come first.
        _requests.Add(pending);
        Connection.Telemetry.RequestStarted(pending.Id, GetType(), ContractName<TRequest>.Value);
        try
        {
            await SendEncodedAsync(request, contract.Outbound, pending.Id, cancellationToken).ConfigureAwait(false);
            var timeout = contract.Timeout ?? _defaultRequestTimeout;
            try
            {
                var response = await pending.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
                Connection.Telemetry.RequestAnswered(pending.Id, withError: contract.CarriesError?.Invoke(response) == true);
                return (response, pending.Id);
            }
            catch (TimeoutException ex) when (ex is not WebSocketRequestTimeoutException)
            {
                throw new WebSocketRequestTimeoutException(RequestErrors.TimedOut(pending, timeout, _router.Envelope), ex)
                {
                    RequestId = pending.Id,
                    Timeout = timeout,
                };
            }
        }
        catch (Exception ex) when (Connection.Telemetry.RequestFailed(pending.Id, ex))
        {
            throw; // never reached: the filter records the failure and declines
        }
        finally
        {
            _requests.TryRemove(pending.Id, out _);
            Connection.Telemetry.RequestEnded(pending.Id);
        }
    }

    /// <summary>The requests that wait for their responses; the router completes them.</summary>
    internal RequestRegistry Requests => _requests;

    private void FailPendingRequests(WebSocketCloseInfo close) =>
        _requests.FailAll(pending => new WebSocketRequestAbortedException(RequestErrors.Aborted(pending, close))
        {
            RequestId = pending.Id,
            Close = close,
        });

    private static WebSocketRequestAbortedException RequestDisposed(PendingRequest pending) =>
        new(RequestErrors.Disposed(pending)) { RequestId = pending.Id };
}
