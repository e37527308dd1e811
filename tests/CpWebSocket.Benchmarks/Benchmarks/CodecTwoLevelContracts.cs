using System.Text.Json.Serialization;
using CpWebSocket.Benchmarks.Contracts;

namespace CpWebSocket.Benchmarks.Benchmarks;

/// <summary>The small message's record, routed by two levels: <c>{"op":5,"d":{"eventType":"echo.trade","eventData":{...}}}</c>.</summary>
[Message(5, "echo.trade")]
public sealed record RoutedTrade(long Id, string Symbol, double Price, int Quantity, string Side, long Timestamp);

/// <summary>The large message's record, routed by two levels.</summary>
[Message(5, "echo.book")]
public sealed record RoutedBook(long Id, string Symbol, long Timestamp, IReadOnlyList<BookLevel> Bids, IReadOnlyList<BookLevel> Asks);

/// <summary>The generated client of the two-level receive path: OBS's event layout, the same serializer settings as <see cref="EchoClient"/>.</summary>
[WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", SerializerContext = typeof(CodecTwoLevelJsonContext))]
[Route(5, By = "d.eventType", Payload = "d.eventData")]
[Receives(typeof(RoutedTrade))]
[Receives(typeof(RoutedBook))]
public sealed partial class CodecTwoLevelClient;

/// <summary>Source-generated metadata of the two-level records, with <see cref="EchoJsonContext"/>'s options.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RoutedTrade))]
[JsonSerializable(typeof(RoutedBook))]
public sealed partial class CodecTwoLevelJsonContext : JsonSerializerContext;
