namespace CpWebSocket.Diagnostics;

/// <summary>
/// The attribute names of the instruments and spans: OpenTelemetry's semantic conventions where one exists, the
/// library's own <c>cpwebsocket.*</c> namespace where none does.
/// </summary>
internal static class TagNames
{
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string UrlScheme = "url.scheme";
    public const string UrlFull = "url.full";
    public const string ErrorType = "error.type";
    public const string NetworkIoDirection = "network.io.direction";
    public const string CloseInitiator = "cpwebsocket.close.initiator";
    public const string CloseStatus = "cpwebsocket.close.status";
    public const string ConnectReconnect = "cpwebsocket.connect.reconnect";
    public const string ConnectAttempt = "cpwebsocket.connect.attempt";
    public const string SubProtocol = "cpwebsocket.subprotocol";
    public const string MessageType = "cpwebsocket.message.type";
    public const string MessageContract = "cpwebsocket.message.contract";
    public const string RequestContract = "cpwebsocket.request.contract";
    public const string RequestId = "cpwebsocket.request.id";
    public const string ClientType = "cpwebsocket.client.type";
}
