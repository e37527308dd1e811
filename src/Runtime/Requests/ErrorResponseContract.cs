using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Messaging.Shapes;

namespace CpWebSocket.Messaging;

/// <summary>
/// The message a server answers failed requests with, such as <c>{"type":"error","id":1,"message":"..."}</c>. Made by
/// <see cref="MessageProtocol.ErrorResponse{TError}"/> and handed to the requests it may answer.
/// </summary>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class ErrorResponseContract
{
    private protected ErrorResponseContract(MessageProtocol protocol, MessageKey key, Type errorType)
    {
        Protocol = protocol;
        Key = key;
        ErrorType = errorType;
    }

    /// <summary>The error message's discriminator (and second-level value).</summary>
    public MessageKey Key { get; }

    /// <summary>The type the error is read as.</summary>
    public Type ErrorType { get; }

    internal MessageProtocol Protocol { get; }

    /// <inheritdoc />
    public override string ToString() => $"{ErrorType} received as {Key.ToDisplayString()}";

    /// <summary>Reads an error response into the exception the request fails with.</summary>
    internal abstract WebSocketResponseException CreateException(long requestId, string request, ReadOnlySpan<byte> message, ReadOnlySpan<byte> payload);
}

/// <summary>The <see cref="ErrorResponseContract"/> of one error type.</summary>
internal sealed class ErrorResponseContract<TError>(MessageProtocol protocol, MessageKey key, JsonTypeInfo<TError> typeInfo, MessageShape<TError>? shape)
    : ErrorResponseContract(protocol, key, typeof(TError))
    where TError : class
{
    internal override WebSocketResponseException CreateException(long requestId, string request, ReadOnlySpan<byte> message, ReadOnlySpan<byte> payload)
    {
        TError? error;
        try
        {
            error = JsonSerializer.Deserialize(payload, typeInfo);
        }
        catch (Exception ex)
        {
            return new WebSocketResponseException(RequestErrors.ErrorResponseNotDeserialized(requestId, request, typeof(TError), ex.Message), ex)
            {
                RequestId = requestId,
                RawText = MessageErrors.Text(message),
            };
        }

        var problem = error is null ? "it is JSON null"
            : shape is not null && shape.MayLack(error) && shape.FindMissing(payload, Protocol.SerializerOptions) is { } missing ? MessageErrors.Lacks(missing, typeof(TError))
            : null;
        if (problem is not null)
        {
            return new WebSocketResponseException(RequestErrors.ErrorResponseNotDeserialized(requestId, request, typeof(TError), problem))
            {
                RequestId = requestId,
                RawText = MessageErrors.Text(message),
            };
        }

        return new WebSocketResponseException<TError>(RequestErrors.ErrorResponse(requestId, request, error!), error!)
        {
            RequestId = requestId,
            RawText = MessageErrors.Text(message),
        };
    }
}
