namespace CpWebSocket;

/// <summary>
/// Turns a <see langword="partial"/> class into a typed websocket client: a typed <c>SendAsync</c> per
/// <see cref="SendsAttribute"/>, a typed event and handler registration per <see cref="ReceivesAttribute"/>,
/// over one <see cref="HttpWebSocket"/>. The properties describe the JSON envelope the server speaks.
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
/// // {"jsonrpc":"2.0","method":"rooms.get","params":{},"id":1} answered by {"jsonrpc":"2.0","result":{...},"id":1}
/// [WebSocketClient(DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id")]
/// [Sends(typeof(GetRooms), Returns = typeof(RpcResponse&lt;RoomList&gt;))]
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
    /// A <see cref="System.Text.Json.Serialization.JsonSerializerContext"/> subclass that knows every contract
    /// type of the client: required for trimming and Native AOT. <see langword="null"/> (the default) uses
    /// reflection with <see cref="System.Text.Json.JsonSerializerDefaults.Web"/>.
    /// </summary>
    public Type? SerializerContext { get; set; }

    /// <summary>
    /// The JSON property that carries request ids, for requests (<see cref="SendsAttribute.Returns"/>): the client
    /// writes a new id into each request, and a received message carrying the id of a waiting request is its
    /// response. <see langword="null"/> (the default) for a client without requests.
    /// </summary>
    public string? RequestIdProperty { get; set; }

    /// <summary>
    /// Where the request id stands: next to the discriminator (the default), or inside the payload of a wrapped
    /// envelope. For a flat envelope both are the same place.
    /// </summary>
    public RequestIdLocation RequestIdLocation { get; set; }

    /// <summary>Whether request ids are written as JSON numbers (the default) or strings.</summary>
    public RequestIdKind RequestIdKind { get; set; }
}
