namespace CpWebSocket.Generators.Model;

/// <summary>Where and how a client writes request ids. Holds only strings and bools (see <see cref="ClientModel"/>).</summary>
/// <param name="Property">The JSON property that carries the id.</param>
/// <param name="InPayload">Whether the id stands inside the payload (<c>RequestIdLocation.Payload</c>).</param>
/// <param name="AsString">Whether ids are written as JSON strings (<c>RequestIdKind.String</c>).</param>
internal sealed record RequestIdModel(string Property, bool InPayload, bool AsString);
