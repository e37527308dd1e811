namespace CpWebSocket.Generators.Inspection;

/// <summary>The request id settings of a <c>[WebSocketClient]</c>.</summary>
/// <param name="Property">The JSON property that carries the id.</param>
/// <param name="InPayload">Whether the id stands inside the payload of a wrapped envelope.</param>
/// <param name="AsString">Whether ids are written as JSON strings.</param>
internal sealed record InspectedRequestId(string Property, bool InPayload, bool AsString);
