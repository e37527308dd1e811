using System.Diagnostics;

namespace CpWebSocket.Diagnostics;

/// <summary>
/// One request's duration, its place in active_requests and its span, from its send to its end. Made only while something
/// listens, and kept by <see cref="ConnectionTelemetry"/> under the request's id, so that a request nobody measures carries
/// nothing for it (not even a field in its state machine).
/// </summary>
internal sealed class RequestTelemetry
{
    private readonly ConnectionTelemetry _connection;
    private readonly string _contract;
    private readonly Activity? _activity;
    private readonly long _started;
    private readonly bool _countedActive;
    private string? _errorType;

    private RequestTelemetry(ConnectionTelemetry connection, string contract, Activity? activity, long started, bool countedActive)
    {
        _connection = connection;
        _contract = contract;
        _activity = activity;
        _started = started;
        _countedActive = countedActive;
    }

    /// <summary>Starts measuring a request, or returns <see langword="null"/> when nothing listens; its span's parent is the caller's current activity.</summary>
    public static RequestTelemetry? Start(ConnectionTelemetry connection, Type clientType, string contract, long requestId)
    {
        var metrics = connection.Metrics;
        var measured = metrics.RequestDuration.Enabled;
        var counted = metrics.ActiveRequests.Enabled;
        var traced = ClientActivities.Source.HasListeners();
        if (!measured && !counted && !traced)
        {
            return null;
        }

        if (counted)
        {
            var tags = connection.ServerTagList();
            tags.Add(TagNames.RequestContract, contract);
            metrics.ActiveRequests.Add(1, tags);
        }

        var activity = traced ? ClientActivities.Source.StartActivity($"{clientType.Name}/{contract}", ActivityKind.Client) : null;
        if (activity is { IsAllDataRequested: true })
        {
            var server = connection.Tags;
            activity.SetTag(TagNames.ServerAddress, server.Address);
            activity.SetTag(TagNames.ServerPort, server.Port);
            activity.SetTag(TagNames.UrlScheme, server.Scheme);
            activity.SetTag(TagNames.RequestContract, contract);
            activity.SetTag(TagNames.RequestId, requestId);
            activity.SetTag(TagNames.ClientType, clientType.FullName);
        }

        return new RequestTelemetry(connection, contract, activity, measured ? Stopwatch.GetTimestamp() : 0, counted);
    }

    /// <summary>The response carried the server's error rather than a result.</summary>
    public void AnsweredWithError()
    {
        _errorType = ErrorTypes.ServerError;
        _activity?.SetStatus(ActivityStatusCode.Error);
        _activity?.SetTag(TagNames.ErrorType, _errorType);
    }

    /// <summary>Notes why the request failed.</summary>
    public void Failed(Exception exception)
    {
        _errorType = ErrorTypes.OfRequest(exception);
        if (_activity is { } activity)
        {
            ClientActivities.Fail(activity, _errorType, exception);
        }
    }

    /// <summary>The request ended: a response, or the failure noted.</summary>
    public void End()
    {
        var metrics = _connection.Metrics;
        if (_countedActive)
        {
            var tags = _connection.ServerTagList();
            tags.Add(TagNames.RequestContract, _contract);
            metrics.ActiveRequests.Add(-1, tags);
        }

        if (_started != 0 && metrics.RequestDuration.Enabled)
        {
            var tags = _connection.ServerTagList();
            tags.Add(TagNames.RequestContract, _contract);
            if (_errorType is not null)
            {
                tags.Add(TagNames.ErrorType, _errorType);
            }

            metrics.RequestDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        }

        _activity?.Stop();
    }
}
