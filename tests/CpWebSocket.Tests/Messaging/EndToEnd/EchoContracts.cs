using System.Text.Json;
using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Messaging.EndToEnd;

// Clients that send and receive the same contracts, so the echo endpoint round-trips every envelope shape.

[Message("note")]
public sealed record Note(string Title, int Count);

[Message("tick")]
public sealed record Tick(string Symbol, decimal Price);

/// <summary>Flat envelope, string discriminator, reflection-based serialization (web defaults).</summary>
[WebSocketClient]
[Sends(typeof(Note))]
[Receives(typeof(Note))]
public sealed partial class FlatEchoClient;

/// <summary>Wrapped envelope: <c>{"type":"tick","data":{...}}</c>.</summary>
[WebSocketClient(PayloadProperty = "data")]
[Sends(typeof(Tick))]
[Receives(typeof(Tick))]
public sealed partial class WrappedEchoClient;

[Message(5)]
public sealed record Identify(int RpcVersion, string? Authentication);

[Message(7)]
public sealed record Request(string RequestType, string RequestId);

/// <summary>Integer discriminators under <c>op</c> with the payload in <c>d</c>, the shape of OBS websocket v5.</summary>
[WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", SerializerContext = typeof(EndToEndJsonContext))]
[Sends(typeof(Identify))]
[Sends(typeof(Request))]
[Receives(typeof(Identify))]
[Receives(typeof(Request))]
public sealed partial class IntegerEchoClient;

/// <summary>Flat envelope serialized through a source-generated context (the trimming and AOT path).</summary>
[WebSocketClient(SerializerContext = typeof(EndToEndJsonContext))]
[Sends(typeof(Note))]
[Receives(typeof(Note))]
public sealed partial class ContextEchoClient;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Note))]
[JsonSerializable(typeof(Identify))]
[JsonSerializable(typeof(Request))]
internal sealed partial class EndToEndJsonContext : JsonSerializerContext;
