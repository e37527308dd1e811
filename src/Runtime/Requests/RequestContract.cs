using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CpWebSocket.Messaging;

/// <summary>
/// Describes a request a client sends: how the request is written (its <see cref="Outbound"/> contract, with an
/// id), how its response is read, and how long the client waits for it. Made by
/// <see cref="MessageProtocol.Request{TRequest, TResponse}"/>; generated clients keep one per request type.
/// </summary>
/// <typeparam name="TRequest">The request contract.</typeparam>
/// <typeparam name="TResponse">The response contract.</typeparam>
public sealed class RequestContract<TRequest, TResponse>
{
    private readonly JsonTypeInfo<TResponse> _responseInfo;
    private readonly bool _responseCanBeNull = default(TResponse) is null;

    internal RequestContract(OutboundContract<TRequest> outbound, JsonTypeInfo<TResponse> responseInfo, TimeSpan? timeout)
    {
        Outbound = outbound;
        _responseInfo = responseInfo;
        Timeout = timeout;
    }

    /// <summary>How the request is written.</summary>
    public OutboundContract<TRequest> Outbound { get; }

    /// <summary>How long to wait for the response; <see langword="null"/> for the client's <see cref="MessageClient.DefaultRequestTimeout"/>.</summary>
    public TimeSpan? Timeout { get; }

    /// <inheritdoc />
    public override string ToString() => $"{typeof(TRequest)} sent as {Outbound.Discriminator.ToDisplayString()}, answered by {typeof(TResponse)}";

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
            throw new WebSocketResponseException(RequestErrors.ResponseNotDeserialized(this, requestId, ex), ex)
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

        return value!;
    }
}
