namespace CpWebSocket.Tests.Support;

/// <summary>The transports the conformance tests run over.</summary>
public enum TransportKind
{
    /// <summary>The default transport over System.Net.WebSockets.</summary>
    Sockets,

    /// <summary>Websocket.Client, built with CpWebSocket's connection factory.</summary>
    WebsocketClient,
}
