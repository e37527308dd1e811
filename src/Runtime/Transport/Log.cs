using Microsoft.Extensions.Logging;

namespace CpWebSocket.Transport;

/// <summary>The connection's log messages.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "Opening {Url}")]
    public static partial void Opening(ILogger logger, Uri url);

    [LoggerMessage(2, LogLevel.Debug, "Opened {Url}")]
    public static partial void Opened(ILogger logger, Uri url);

    [LoggerMessage(3, LogLevel.Debug, "Closing {Url}")]
    public static partial void Closing(ILogger logger, Uri url);

    [LoggerMessage(4, LogLevel.Debug, "Closed {Url}: status {Status} '{Description}', by peer: {ByPeer}")]
    public static partial void Closed(ILogger logger, Uri url, System.Net.WebSockets.WebSocketCloseStatus? status, string? description, bool byPeer);

    [LoggerMessage(5, LogLevel.Warning, "{Url}: {Kind} error: {Message}")]
    public static partial void Error(ILogger logger, Uri url, WebSocketErrorKind kind, string message, Exception? exception);

    [LoggerMessage(6, LogLevel.Warning, "{Url}: the peer did not answer the close frame within {Timeout}; the connection was aborted")]
    public static partial void CloseTimedOut(ILogger logger, Uri url, TimeSpan timeout);

    [LoggerMessage(7, LogLevel.Information, "{Url}: reconnect attempt {Attempt} of {MaxAttempts} in {Delay}")]
    public static partial void Reconnecting(ILogger logger, Uri url, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(8, LogLevel.Error, "{Url}: an Error event handler threw; the exception was dropped")]
    public static partial void ErrorHandlerFailed(ILogger logger, Uri url, Exception exception);
}
