namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>Flat envelope, string discriminator under <c>type</c>, the default depth limit.</summary>
[WebSocketClient(SerializerContext = typeof(HostileJsonContext))]
[Receives(typeof(Reading))]
public sealed partial class ReadingClient;
