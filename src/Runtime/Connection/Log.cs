using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace CpWebSocket;

/// <summary>
/// The connection's log messages. Logs are read by more people and kept longer than the app's own data, so no
/// entry carries a secret, at any level: URLs are written without their user info, query and fragment (where
/// tokens travel), and a received message that could not be delivered is named by its error kind and position
/// only, never by its text or an exception that quotes it. The Error event still gives the app all of it.
/// </summary>
internal static partial class Log
{
    public static void Opening(ILogger logger, Uri url) => OpeningCore(logger, Shown(url));

    public static void Opened(ILogger logger, Uri url) => OpenedCore(logger, Shown(url));

    public static void Closing(ILogger logger, Uri url) => ClosingCore(logger, Shown(url));

    public static void Closed(ILogger logger, Uri url, System.Net.WebSockets.WebSocketCloseStatus? status, string? description, bool byPeer) =>
        ClosedCore(logger, Shown(url), status, description, byPeer);

    public static void CloseTimedOut(ILogger logger, Uri url, TimeSpan timeout) => CloseTimedOutCore(logger, Shown(url), timeout);

    public static void Reconnecting(ILogger logger, Uri url, int attempt, int maxAttempts, TimeSpan delay, string cause) =>
        ReconnectingCore(logger, Shown(url), attempt, maxAttempts, delay, cause);

    public static void ReconnectCancelled(ILogger logger, Uri url) => ReconnectCancelledCore(logger, Shown(url));

    public static void ErrorHandlerFailed(ILogger logger, Uri url, Exception exception) => ErrorHandlerFailedCore(logger, Shown(url), exception);

    /// <summary>Logs an error event: a dropped received message without its content, any other error without the URL's secrets.</summary>
    public static void Error(ILogger logger, Uri url, WebSocketErrorKind kind, string message, Exception? exception)
    {
        if (!logger.IsEnabled(LogLevel.Warning))
        {
            return;
        }

        var shown = Shown(url);
        if (kind is WebSocketErrorKind.InvalidJson or WebSocketErrorKind.MissingDiscriminator or WebSocketErrorKind.Deserialization)
        {
            // The message and the exception quote the received text (a JSON literal, a property name, a value).
            MessageDropped(logger, shown, kind, Position(exception));
            return;
        }

        var secrets = Secrets(url);
        if (secrets.Length == 0)
        {
            ErrorCore(logger, shown, kind, message, exception);
        }
        else if (exception is not null && secrets.Any(secret => exception.ToString().Contains(secret, StringComparison.Ordinal)))
        {
            ErrorWithDetailCore(logger, shown, kind, Redact(message, url, secrets), Redact(exception.ToString(), url, secrets));
        }
        else
        {
            ErrorCore(logger, shown, kind, Redact(message, url, secrets), exception);
        }
    }

    [LoggerMessage(1, LogLevel.Debug, "Opening {Url}", EventName = "Opening")]
    private static partial void OpeningCore(ILogger logger, string url);

    [LoggerMessage(2, LogLevel.Debug, "Opened {Url}", EventName = "Opened")]
    private static partial void OpenedCore(ILogger logger, string url);

    [LoggerMessage(3, LogLevel.Debug, "Closing {Url}", EventName = "Closing")]
    private static partial void ClosingCore(ILogger logger, string url);

    [LoggerMessage(4, LogLevel.Debug, "Closed {Url}: status {Status} '{Description}', by peer: {ByPeer}", EventName = "Closed")]
    private static partial void ClosedCore(ILogger logger, string url, System.Net.WebSockets.WebSocketCloseStatus? status, string? description, bool byPeer);

    [LoggerMessage(5, LogLevel.Warning, "{Url}: {Kind} error: {Message}", EventName = "Error")]
    private static partial void ErrorCore(ILogger logger, string url, WebSocketErrorKind kind, string message, Exception? exception);

    [LoggerMessage(6, LogLevel.Warning, "{Url}: the peer did not answer the close frame within {Timeout}; the connection was aborted", EventName = "CloseTimedOut")]
    private static partial void CloseTimedOutCore(ILogger logger, string url, TimeSpan timeout);

    [LoggerMessage(7, LogLevel.Information, "{Url}: reconnect attempt {Attempt} of {MaxAttempts} in {Delay}, after {Cause}", EventName = "Reconnecting")]
    private static partial void ReconnectingCore(ILogger logger, string url, int attempt, int maxAttempts, TimeSpan delay, string cause);

    [LoggerMessage(8, LogLevel.Error, "{Url}: an Error event handler threw; the exception was dropped", EventName = "ErrorHandlerFailed")]
    private static partial void ErrorHandlerFailedCore(ILogger logger, string url, Exception exception);

    [LoggerMessage(9, LogLevel.Warning, "{Url}: a received message was not delivered: {Kind}{Position}. The Error event has its text and the reason.", EventName = "MessageDropped")]
    private static partial void MessageDropped(ILogger logger, string url, WebSocketErrorKind kind, string position);

    [LoggerMessage(10, LogLevel.Warning, "{Url}: {Kind} error: {Message} ({Detail})", EventName = "ErrorWithDetail")]
    private static partial void ErrorWithDetailCore(ILogger logger, string url, WebSocketErrorKind kind, string message, string detail);

    [LoggerMessage(11, LogLevel.Debug, "{Url}: the pending reconnect was cancelled; closed for good", EventName = "ReconnectCancelled")]
    private static partial void ReconnectCancelledCore(ILogger logger, string url);

    /// <summary>The URL as logs show it: scheme, host, port and path.</summary>
    private static string Shown(Uri url) => url.IsAbsoluteUri ? url.GetLeftPart(UriPartial.Path).Replace(url.UserInfo + "@", string.Empty, StringComparison.Ordinal) : "(relative URL)";

    /// <summary>The parts of the URL that may carry credentials, escaped and unescaped.</summary>
    private static string[] Secrets(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return [];
        }

        string[] parts = [url.UserInfo, url.Query.TrimStart('?'), url.Fragment.TrimStart('#')];
        return parts.Where(part => part.Length > 0)
            .SelectMany(part => new[] { part, Uri.UnescapeDataString(part) })
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    private static string Redact(string text, Uri url, string[] secrets)
    {
        text = text.Replace(url.OriginalString, Shown(url), StringComparison.Ordinal)
            .Replace(url.AbsoluteUri, Shown(url), StringComparison.Ordinal)
            .Replace(url.ToString(), Shown(url), StringComparison.Ordinal);
        return secrets.Aggregate(text, (redacted, secret) => redacted.Replace(secret, "…", StringComparison.Ordinal));
    }

    /// <summary>Where in the message the reader stopped, which quotes nothing of it.</summary>
    private static string Position(Exception? exception) => exception switch
    {
        JsonException { BytePositionInLine: { } position, LineNumber: { } line } => $" ({exception.GetType().Name} at line {line}, byte {position})",
        null => string.Empty,
        _ => $" ({exception.GetType().Name})",
    };
}
