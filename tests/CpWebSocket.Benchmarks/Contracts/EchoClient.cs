namespace CpWebSocket.Benchmarks.Contracts;

/// <summary>The generated contender: the build adds a typed SendAsync and a typed event per contract.</summary>
[WebSocketClient(SerializerContext = typeof(EchoJsonContext))]
[Sends(typeof(Trade))]
[Receives(typeof(Trade))]
[Sends(typeof(BookSnapshot))]
[Receives(typeof(BookSnapshot))]
public sealed partial class EchoClient;
