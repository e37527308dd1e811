using System.Text.Json.Serialization;

namespace CpWebSocket;

/// <summary>
/// Turns a <see langword="partial"/> class into a typed websocket client: a typed <c>SendAsync</c> per
/// <see cref="SendsAttribute"/>, a typed event and handler registration per <see cref="ReceivesAttribute"/>,
/// over one <see cref="HttpWebSocket"/>. The properties describe the JSON envelope the server speaks;
/// <see cref="RouteAttribute"/> and <see cref="EnvelopeConstantAttribute"/> on the class add second-level routes and
/// constant members.
/// </summary>
/// <example>
/// <code language="csharp">
/// // {"type":"chat.say","room":"lobby","text":"hi"}
/// [WebSocketClient(SerializerContext = typeof(ChatJsonContext))]
/// [Sends(typeof(Say))]
/// [Receives(typeof(Said))]
/// public sealed partial class ChatClient;
///
/// // {"op":"chat.say","d":{"room":"lobby","text":"hi"}}
/// [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d")]
/// [Sends(typeof(Say))]
/// public sealed partial class WrappedChatClient;
///
/// // {"jsonrpc":"2.0","method":"rooms.get","id":1,"params":{}} answered by {"jsonrpc":"2.0","id":1,"result":{...}}
/// [WebSocketClient(DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id", Responses = typeof(RpcResponse&lt;&gt;))]
/// [EnvelopeConstant("jsonrpc", "2.0")]
/// [Sends(typeof(GetRooms), Returns = typeof(RoomList))]
/// public sealed partial class RpcClient;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WebSocketClientAttribute : Attribute
{
    /// <summary>The JSON property that carries each message's discriminator. Default <c>"type"</c>.</summary>
    public string DiscriminatorProperty { get; set; } = "type";

    /// <summary>
    /// The JSON property that carries the message itself, or <see langword="null"/> (the default) for flat
    /// messages whose properties stand next to the discriminator.
    /// </summary>
    public string? PayloadProperty { get; set; }

    /// <summary>
    /// A <see cref="JsonSerializerContext"/> subclass that knows every contract type of the client: required for
    /// trimming and Native AOT. Its <c>[JsonSourceGenerationOptions]</c> then decide the wire names, and must agree with
    /// <see cref="NamingPolicy"/>, <see cref="NumberHandling"/> and <see cref="DefaultIgnoreCondition"/> (the build
    /// says where they differ). <see langword="null"/> (the default) serializes by reflection with those settings.
    /// </summary>
    public Type? SerializerContext { get; set; }

    /// <summary>
    /// How the JSON names of the contracts' members are written: <see cref="JsonKnownNamingPolicy.CamelCase"/> (the
    /// default), <see cref="JsonKnownNamingPolicy.SnakeCaseLower"/>, ..., or <see cref="JsonKnownNamingPolicy.Unspecified"/>
    /// for the names as declared. <c>[JsonPropertyName]</c> on a member still wins.
    /// </summary>
    public JsonKnownNamingPolicy NamingPolicy { get; set; } = JsonKnownNamingPolicy.CamelCase;

    /// <summary>
    /// How numbers are read and written. Default <see cref="JsonNumberHandling.AllowReadingFromString"/> (numbers may
    /// arrive as JSON strings); add <see cref="JsonNumberHandling.WriteAsString"/> for servers that want them quoted.
    /// </summary>
    public JsonNumberHandling NumberHandling { get; set; } = JsonNumberHandling.AllowReadingFromString;

    /// <summary>
    /// Which members are left out of sent messages. Default <see cref="JsonIgnoreCondition.Never"/>;
    /// <see cref="JsonIgnoreCondition.WhenWritingNull"/> leaves out null members.
    /// </summary>
    public JsonIgnoreCondition DefaultIgnoreCondition { get; set; } = JsonIgnoreCondition.Never;

    /// <summary>
    /// The JSON property that carries request ids, for requests (<see cref="SendsAttribute.Returns"/>): the client
    /// writes a new id into each request, and a received message carrying the id of a waiting request, that can be its
    /// response, completes it. <see langword="null"/> (the default) for a client without requests.
    /// </summary>
    public string? RequestIdProperty { get; set; }

    /// <summary>
    /// Where the request id stands: next to the discriminator (the default), or inside the payload of a wrapped
    /// envelope. For a flat envelope both are the same place.
    /// </summary>
    public RequestIdLocation RequestIdLocation { get; set; }

    /// <summary>Whether request ids are written as JSON numbers (the default) or strings.</summary>
    public RequestIdKind RequestIdKind { get; set; }

    /// <summary>
    /// The protocol's response, as an open generic type implementing <see cref="IResponse{TResult, TError}"/> over its
    /// one type parameter, such as <c>typeof(RpcResponse&lt;&gt;)</c>: each request whose <see cref="SendsAttribute.Returns"/>
    /// type has no <see cref="MessageAttribute"/> of its own is answered by that response closed over it, whose status
    /// decides between the result and a <see cref="WebSocketResponseException{TError}"/>. <see langword="null"/> (the
    /// default): each <c>Returns</c> type is the whole response.
    /// </summary>
    public Type? Responses { get; set; }

    /// <summary>
    /// A message contract the server answers any request with when it fails, such as
    /// <c>{"type":"error","id":1,"message":"..."}</c>: a message of its discriminator carrying the id of a waiting
    /// request ends that request with a <see cref="WebSocketResponseException{TError}"/> carrying it.
    /// </summary>
    public Type? ErrorResponse { get; set; }

    /// <summary>
    /// A record of the members that stand beside the payload (Discord's <c>s</c>, a subscription's <c>id</c>),
    /// read from the whole message for the handlers that ask for it (<c>OnX((message, envelope, ct) => ...)</c>) and
    /// only for them.
    /// </summary>
    public Type? Envelope { get; set; }
}
