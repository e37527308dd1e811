namespace CpWebSocket.Hosting.Health;

/// <summary>What the health check reads about one client's connection at one moment.</summary>
/// <param name="Status">The connection's status.</param>
/// <param name="HasOpened">Whether the connection was ever open.</param>
/// <param name="WillReconnect">Whether, while closed, another connection attempt is scheduled.</param>
/// <param name="LastFailure">The last error that ended or prevented a connection, if any.</param>
/// <param name="LastClose">How the last connection closed, if one did.</param>
internal readonly record struct ConnectionState(
    WebSocketStatus Status,
    bool HasOpened,
    bool WillReconnect,
    WebSocketErrorInfo? LastFailure,
    WebSocketCloseInfo? LastClose);
