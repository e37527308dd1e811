using System.ComponentModel;
using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Messaging;

namespace CpWebSocket.Documentation;

/// <summary>
/// One message a client sends, as a document describes it: its type and key, how its payload is written, and for a
/// request which messages answer it. Made from the contract the client sends with, so a document says what the client
/// does; generated clients list theirs in <see cref="ClientContracts.Sent"/>.
/// </summary>
/// <example>
/// <code language="csharp">
/// SentContract.Of(SayContract);          // an OutboundContract&lt;Say&gt;
/// SentContract.Of(GetRoomsContract);     // a RequestContract&lt;GetRooms, RoomList&gt;
/// </code>
/// </example>
public sealed class SentContract
{
    private SentContract(MessageProtocol protocol, Type messageType, MessageKey key, JsonTypeInfo payload, bool isValuePayload)
    {
        Protocol = protocol;
        MessageType = messageType;
        Key = key;
        PayloadTypeInfo = payload;
        IsValuePayload = isValuePayload;
    }

    /// <summary>The type of the message.</summary>
    public Type MessageType { get; }

    /// <summary>The discriminator written, and the second-level value when its first level is routed.</summary>
    public MessageKey Key { get; }

    /// <summary>Whether the payload is the value of the message's <see cref="PayloadValueAttribute"/> member rather than an object.</summary>
    public bool IsValuePayload { get; }

    /// <summary>Whether the message is a request: written with a new request id and answered by a response.</summary>
    public bool IsRequest => ResponseType is not null;

    /// <summary>The type a request's response is read as, or <see langword="null"/> for a message that is not a request.</summary>
    public Type? ResponseType { get; private init; }

    /// <summary>The discriminator of a request's response; <see langword="null"/> for a response without one, or when not a request.</summary>
    public MessageKey? ResponseKey { get; private init; }

    /// <summary>The message the server answers a failed request with, or <see langword="null"/>.</summary>
    public ErrorResponseContract? ErrorResponse { get; private init; }

    /// <summary>The protocol the message belongs to.</summary>
    internal MessageProtocol Protocol { get; }

    /// <summary>The serializer metadata of what the payload is written as.</summary>
    internal JsonTypeInfo PayloadTypeInfo { get; }

    /// <summary>Describes a message sent without waiting for an answer.</summary>
    /// <typeparam name="T">The message contract.</typeparam>
    /// <param name="contract">The contract the client sends it with.</param>
    /// <returns>The description.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SentContract Of<T>(OutboundContract<T> contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        return new SentContract(contract.Protocol, typeof(T), contract.Key, contract.Payload.TypeInfo, contract.Payload.IsValue);
    }

    /// <summary>Describes a request and the messages that answer it.</summary>
    /// <typeparam name="TRequest">The request contract.</typeparam>
    /// <typeparam name="TResponse">The response contract.</typeparam>
    /// <param name="contract">The contract the client sends the request with.</param>
    /// <returns>The description.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static SentContract Of<TRequest, TResponse>(RequestContract<TRequest, TResponse> contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var outbound = contract.Outbound;
        return new SentContract(outbound.Protocol, typeof(TRequest), outbound.Key, outbound.Payload.TypeInfo, outbound.Payload.IsValue)
        {
            ResponseType = typeof(TResponse),
            ResponseKey = contract.Response,
            ErrorResponse = contract.Match.ErrorResponse,
        };
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{MessageType} sent as {Key.ToDisplayString()}" + (ResponseType is { } response ? $", answered by {response}" : string.Empty);
}
