using CpWebSocket;

namespace CpWebSocket.Tests.Readme;

// README: contracts (begin)
[Message("chat.say")]
public sealed record Say(string Room, string Text);

[Message("chat.said")]
public sealed record Said(string Room, string From, string Text);

[WebSocketClient]                      // envelope: {"type":"chat.say", ...the record's properties in camelCase}
[Sends(typeof(Say))]
[Receives(typeof(Said))]
public sealed partial class ChatClient;
// README: contracts (end)
