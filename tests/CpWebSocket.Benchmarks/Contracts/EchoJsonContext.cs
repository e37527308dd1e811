using System.Text.Json.Serialization;

namespace CpWebSocket.Benchmarks.Contracts;

/// <summary>
/// Source-generated metadata shared by every contender, so each one pays the same serializer: the generated
/// client names it, the hand-written loops use it directly, and the SignalR hub and client put it first in
/// their resolver chain.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(EchoMessage))]
[JsonSerializable(typeof(Trade))]
[JsonSerializable(typeof(BookSnapshot))]
[JsonSerializable(typeof(TradeReply))]
[JsonSerializable(typeof(BookReply))]
public sealed partial class EchoJsonContext : JsonSerializerContext;
