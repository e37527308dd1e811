namespace CpWebSocket;

/// <summary>
/// Declares a message contract that a <see cref="WebSocketClientAttribute">websocket client</see> sends:
/// the client gets a typed <c>SendAsync</c> for it. Repeat the attribute for each contract. With
/// <see cref="Returns"/> the contract is a request: the client gets an awaited method instead, which sends the
/// message with a new request id and completes with the response that carries the same id and the response type's
/// discriminator.
/// </summary>
/// <example>
/// <code language="csharp">
/// [WebSocketClient]
/// [Sends(typeof(Say))]
/// [Sends(typeof(Join))]
/// public sealed partial class ChatClient;
///
/// await chat.SendAsync(new Say("lobby", "hi"));
///
/// // {"type":"rooms.get","id":1} answered by {"type":"rooms.list","id":1,"rooms":["lobby"]}, RoomList being [Message("rooms.list")]
/// [WebSocketClient(RequestIdProperty = "id")]
/// [Sends(typeof(GetRooms), Returns = typeof(RoomList))]
/// public sealed partial class RoomsClient;
///
/// RoomList rooms = await client.GetRoomsAsync(new GetRooms());
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class SendsAttribute : Attribute
{
    /// <summary>Declares <paramref name="messageType"/> as sent by the client.</summary>
    /// <param name="messageType">A type marked with <see cref="MessageAttribute"/>.</param>
    public SendsAttribute(Type messageType)
    {
        MessageType = messageType;
    }

    /// <summary>The contract type the client sends.</summary>
    public Type MessageType { get; }

    /// <summary>
    /// The response contract, which makes <see cref="MessageType"/> a request. A received message is its response when
    /// it carries the request id (<see cref="WebSocketClientAttribute.RequestIdProperty"/>) and the response type's
    /// <see cref="MessageAttribute"/> discriminator (none, for a response type without one, as JSON-RPC's); any other
    /// message with that id (the request's own echo, a request from the server) is routed as usual. The response is read
    /// from the whole message (flat envelope) or its payload (wrapped envelope; the whole message when it has none). A
    /// type implementing <see cref="IResponse{TResult, TError}"/> is unwrapped: the call returns its result, or throws
    /// <see cref="WebSocketResponseException{TError}"/> when it carries an error. When the client names
    /// <see cref="WebSocketClientAttribute.Responses"/>, a type without a <see cref="MessageAttribute"/> of its own is the
    /// result inside that response; <c>typeof(void)</c> gives a method that returns a plain task.
    /// </summary>
    public Type? Returns { get; set; }

    /// <summary>
    /// The name of the generated request method. Default: the request type's name plus <c>Async</c>, without a
    /// <c>Request</c> suffix when at least two words stand before it (<c>GetRooms</c> and <c>GetRoomsRequest</c> both
    /// give <c>GetRoomsAsync</c>; <c>ObsRequest</c> gives <c>ObsRequestAsync</c>).
    /// </summary>
    public string? MethodName { get; set; }

    /// <summary>
    /// How long a request waits for its response, in milliseconds; 0 (the default) uses the client's
    /// <see cref="Messaging.MessageClient.DefaultRequestTimeout"/>, -1 waits without a limit.
    /// </summary>
    public int TimeoutMilliseconds { get; set; }
}
