using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Messaging.Shapes;

namespace CpWebSocket.Messaging;

/// <summary>
/// Describes a request a client sends: how the request is written (its <see cref="Outbound"/> contract, with an
/// id), which received messages can answer it, how its response is read, and how long the client waits for it. Made by
/// <see cref="MessageProtocol.Request{TRequest, TResponse}"/>; generated clients keep one per request type.
/// </summary>
/// <typeparam name="TRequest">The request contract.</typeparam>
/// <typeparam name="TResponse">The response contract.</typeparam>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RequestContract<TRequest, TResponse>
{
    private readonly JsonTypeInfo<TResponse> _responseInfo;
    private readonly MessageShape<TResponse>? _responseShape;
    private readonly bool _responseCanBeNull = default(TResponse) is null;

    internal RequestContract(OutboundContract<TRequest> outbound, JsonTypeInfo<TResponse> responseInfo, MessageShape<TResponse>? responseShape, ResponseMatch match, TimeSpan? timeout)
    {
        Outbound = outbound;
        _responseInfo = responseInfo;
        _responseShape = responseShape;
        Match = match;
        Timeout = timeout;
    }

    /// <summary>How the request is written.</summary>
    public OutboundContract<TRequest> Outbound { get; }

    /// <summary>The discriminator of the response, or <see langword="null"/> for a response without one.</summary>
    public MessageKey? Response => Match.Response;

    /// <summary>How long to wait for the response; <see langword="null"/> for the client's <see cref="MessageClient.DefaultRequestTimeout"/>.</summary>
    public TimeSpan? Timeout { get; }

    /// <summary>Which received messages can answer the request.</summary>
    internal ResponseMatch Match { get; }

    /// <summary>For a response that carries a result or an error: whether it carries the error (set by the first call that unwraps one; read by the request's telemetry).</summary>
    internal Func<TResponse, bool>? CarriesError { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{typeof(TRequest)} sent as {Outbound.Key.ToDisplayString()}, answered by {typeof(TResponse)}";

    /// <summary>Reads a response; a failure is a <see cref="WebSocketResponseException"/> that says what was wrong.</summary>
    internal TResponse ReadResponse(long requestId, ReadOnlySpan<byte> message, ReadOnlySpan<byte> response)
    {
        TResponse? value;
        try
        {
            value = JsonSerializer.Deserialize(response, _responseInfo);
        }
        catch (Exception ex)
        {
            throw new WebSocketResponseException(RequestErrors.ResponseNotDeserialized(this, requestId, ex.Message), ex)
            {
                RequestId = requestId,
                RawText = MessageErrors.Text(message),
            };
        }

        if (_responseCanBeNull && value is null)
        {
            throw new WebSocketResponseException(RequestErrors.ResponseIsNull(this, requestId))
            {
                RequestId = requestId,
                RawText = MessageErrors.Text(message),
            };
        }

        if (_responseShape is { } shape && shape.MayLack(value!) && shape.FindMissing(response, Outbound.Protocol.SerializerOptions) is { } missing)
        {
            throw new WebSocketResponseException(RequestErrors.ResponseNotDeserialized(this, requestId, MessageErrors.Lacks(missing, typeof(TResponse))))
            {
                RequestId = requestId,
                RawText = MessageErrors.Text(message),
            };
        }

        return value!;
    }
}
