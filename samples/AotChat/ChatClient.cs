using CpWebSocket;

namespace Samples.Chat;

/// <summary>
/// The Chat sample's typed client, with its messages serialized by <see cref="ChatJsonContext"/>'s generated
/// metadata instead of reflection: what trimming and Native AOT need. The contracts, the events and the
/// generated members are those of the Chat sample.
/// </summary>
[WebSocketClient(SerializerContext = typeof(ChatJsonContext), RequestIdProperty = "id")]
[Sends(typeof(Join))]
[Sends(typeof(Say))]
[Sends(typeof(Who), Returns = typeof(Members))]
[Receives(typeof(Said))]
[Receives(typeof(Joined))]
public sealed partial class ChatClient;
