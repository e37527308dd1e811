using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Protocols.Discord;

// README: discord (begin)
[Message(10)] public sealed record Hello(int HeartbeatInterval);
[Message(1)] public sealed record Heartbeat([PayloadValue] long? LastSequence);           // {"op":1,"d":251}, {"op":1,"d":null}
[Message(11)] public sealed record HeartbeatAck;                                          // {"op":11,"d":null}
[Message(2)] public sealed record Identify(string Token, int Intents, IdentifyProperties Properties);
public sealed record IdentifyProperties(string Os, string Browser, string Device);
[Message(6)] public sealed record ResumeSession(string Token, string SessionId, long? Seq);
[Message(7)] public sealed record Reconnect;                                               // {"op":7,"d":null}
[Message(9)] public sealed record InvalidSession([PayloadValue] bool Resumable);           // {"op":9,"d":false}

public sealed record User(string Id, string Username);
[Message(0, "READY")] public sealed record Ready(int V, User User, string SessionId, string ResumeGatewayUrl);
[Message(0, "GUILD_CREATE")] public sealed record GuildCreate(string Id, string Name);
[Message(0, "RESUMED")] public sealed record Resumed;
[Message(0, "MESSAGE_CREATE")] public sealed record MessageCreate(string Id, string ChannelId, string Content, User Author);

public sealed record GatewayEnvelope(int Op, long? S, string? T);                          // the members beside "d"

[WebSocketClient(
    DiscriminatorProperty = "op", PayloadProperty = "d",
    NamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Envelope = typeof(GatewayEnvelope))]
[Route(0, By = "t", Payload = "d")]                                                        // dispatches, by event name
[Receives(typeof(Hello))]
[Sends(typeof(Identify))]
[Sends(typeof(ResumeSession))]
[Sends(typeof(Heartbeat))]
[Receives(typeof(Heartbeat))]
[Receives(typeof(HeartbeatAck))]
[Receives(typeof(Reconnect))]
[Receives(typeof(InvalidSession))]
[Receives(typeof(Ready))]
[Receives(typeof(GuildCreate))]
[Receives(typeof(Resumed))]
[Receives(typeof(MessageCreate))]
public sealed partial class DiscordClient;
// README: discord (end)
