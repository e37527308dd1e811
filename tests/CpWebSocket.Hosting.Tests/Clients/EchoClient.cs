using CpWebSocket;

namespace CpWebSocket.Hosting.Tests.Clients;

/// <summary>A generated client of the tests' echo server.</summary>
[WebSocketClient]
[Sends(typeof(Note))]
[Receives(typeof(Note))]
public sealed partial class EchoClient;
