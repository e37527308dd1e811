using System.Text.Json.Nodes;

namespace CpWebSocket.Testing;

/// <summary>
/// A request the client sent, received by <see cref="TestPeer.ReceiveRequestAsync{TRequest}"/>: its message and id, and
/// the means to answer it. Answer it when the test chooses (right away, after checking what the client does while it
/// waits, or never, to see the client's timeout or what a closing connection does to it).
/// </summary>
/// <typeparam name="TRequest">The request contract.</typeparam>
public sealed class PeerRequest<TRequest>
{
    private readonly TestPeer _peer;
    private readonly JsonNode _id;

    internal PeerRequest(TestPeer peer, TRequest message, long id, JsonNode idAsSent, PeerFrame frame)
    {
        _peer = peer;
        Message = message;
        Id = id;
        _id = idAsSent;
        Frame = frame;
    }

    /// <summary>The request.</summary>
    public TRequest Message { get; }

    /// <summary>The id the client gave it (whether written as a number or a string).</summary>
    public long Id { get; }

    /// <summary>The request as it arrived.</summary>
    public PeerFrame Frame { get; }

    /// <summary>
    /// Sends <paramref name="response"/> with the request's id, written as the client wrote it: laid out under the
    /// response type's <c>[Message]</c> (a response type without one, as JSON-RPC's, stands at the root). The same call
    /// sends a response that carries an error (<c>IResponse&lt;TResult, TError&gt;</c>) or the client's <c>ErrorResponse</c> contract.
    /// </summary>
    /// <typeparam name="TResponse">The response's type, such as the request's <c>Returns</c> or <c>RpcResponse&lt;RoomList&gt;</c>.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the response is written to the connection.</returns>
    /// <exception cref="PeerAssertionException">The connection has ended, or the client did not read within the wait's time.</exception>
    public Task ReplyAsync<TResponse>(TResponse response, CancellationToken cancellationToken = default) =>
        _peer.ReplyAsync(response, _id, null, cancellationToken);

    /// <summary>Sends <paramref name="response"/> with the request's id and members beside its payload.</summary>
    /// <typeparam name="TResponse">The response's type.</typeparam>
    /// <param name="response">The response.</param>
    /// <param name="options">Members beside the payload; <see langword="null"/> for none.</param>
    /// <param name="cancellationToken">Stops the write.</param>
    /// <returns>A task that completes when the response is written to the connection.</returns>
    /// <exception cref="PeerAssertionException">The connection has ended, or the client did not read within the wait's time.</exception>
    public Task ReplyAsync<TResponse>(TResponse response, PeerSendOptions? options, CancellationToken cancellationToken = default) =>
        _peer.ReplyAsync(response, _id, options, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"request {Id}: {Message}";
}
