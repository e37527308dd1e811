namespace CpWebSocket.Tests.Reliability.Load;

/// <summary>The generated client of the load tests: sends <see cref="Sequenced"/> and receives it back from an echo.</summary>
[WebSocketClient]
[Sends(typeof(Sequenced))]
[Receives(typeof(Sequenced))]
public sealed partial class LoadClient;
