namespace CpWebSocket.Tests.Documentation.Clients;

/// <summary>A request the server answers with a message of its own whose content the client skips unread.</summary>
[Message("touch")]
public sealed record Touch(string Path);

/// <summary>A client whose reply is <see cref="NoResult"/> itself: no responses type wraps it.</summary>
[WebSocketClient(RequestIdProperty = "id")]
[Sends(typeof(Touch), Returns = typeof(void))]
public sealed partial class TouchClient;
