using System.Text.Json.Serialization;

namespace CpWebSocket.Testing.Tests.Contracts.Discord;

// The Discord gateway: integer op codes, dispatches told apart by "t" beside the payload "d", the sequence number "s"
// beside it too, and payloads that are a number, a boolean or null.

[Message(10)] public sealed record Hello(int HeartbeatInterval);
[Message(1)] public sealed record Heartbeat([PayloadValue] long? LastSequence);
[Message(11)] public sealed record HeartbeatAck;
[Message(2)] public sealed record Identify(string Token, int Intents);
[Message(9)] public sealed record InvalidSession([PayloadValue] bool Resumable);

public sealed record User(string Id, string Username);
[Message(0, "MESSAGE_CREATE")] public sealed record MessageCreate(string Id, string Content, User Author);

public sealed record GatewayEnvelope(int Op, long? S, string? T);

[WebSocketClient(
    DiscriminatorProperty = "op", PayloadProperty = "d",
    NamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Envelope = typeof(GatewayEnvelope))]
[Route(0, By = "t", Payload = "d")]
[Receives(typeof(Hello))]
[Sends(typeof(Identify))]
[Sends(typeof(Heartbeat))]
[Receives(typeof(Heartbeat))]
[Receives(typeof(HeartbeatAck))]
[Receives(typeof(InvalidSession))]
[Receives(typeof(MessageCreate))]
public sealed partial class DiscordClient;
