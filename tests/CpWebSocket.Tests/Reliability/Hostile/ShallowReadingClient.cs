namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>A <see cref="ReadingClient"/> whose context lowers the JSON depth limit to <see cref="ShallowJsonContext.MaxDepth"/>.</summary>
[WebSocketClient(SerializerContext = typeof(ShallowJsonContext))]
[Receives(typeof(Reading))]
public sealed partial class ShallowReadingClient;
