using System.Text.Json;
using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Readme;

// README: serializer context (begin)
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]      // camelCase on the wire, as without a context
[JsonSerializable(typeof(Say))]
[JsonSerializable(typeof(Said))]
public sealed partial class ChatJson : JsonSerializerContext;

[WebSocketClient(SerializerContext = typeof(ChatJson))]
[Sends(typeof(Say))]
[Receives(typeof(Said))]
public sealed partial class TrimmableChatClient;
// README: serializer context (end)
