using System.Diagnostics;

namespace CpWebSocket.Diagnostics;

/// <summary>The <c>CpWebSocket</c> activity source: a span per connection attempt and per request, none per message.</summary>
internal static class ClientActivities
{
    public const string ConnectName = "WebSocket connect";

    public static ActivitySource Source { get; } = new(WebSocketDiagnostics.ActivitySourceName, typeof(ClientActivities).Assembly.GetName().Version?.ToString());

    /// <summary>Marks <paramref name="activity"/> failed: its status, <c>error.type</c>, and an exception event when there is one.</summary>
    public static void Fail(Activity activity, string errorType, Exception? exception)
    {
        activity.SetStatus(ActivityStatusCode.Error, exception?.Message);
        activity.SetTag(TagNames.ErrorType, errorType);
        if (exception is not null)
        {
#if NET9_0_OR_GREATER
            activity.AddException(exception);
#else
            activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
            {
                ["exception.type"] = exception.GetType().FullName,
                ["exception.message"] = exception.Message,
                ["exception.stacktrace"] = exception.ToString(),
            }));
#endif
        }
    }
}
