using System.Diagnostics;

namespace CpWebSocket.Diagnostics;

/// <summary>
/// One request's duration, its place in active_requests and its span, from its send to its end. A value on the request's
/// own frame: when nothing listens it holds nothing and each call returns at once.
/// </summary>
internal struct RequestTelemetry
{
    private ConnectionTelemetry? _connection;
    private Activity? _activity;
    private string? _contract;
    private string? _errorType;
    private long _started;
    private bool _countedActive;

    /// <summary>Starts measuring a request; its span's parent is the caller's current activity.</summary>
    public static RequestTelemetry Start(ConnectionTelemetry connection, Type clientType, string contract, long requestId)
    {
        var metrics = connection.Metrics;
        var measured = metrics.RequestDuration.Enabled;
        var counted = metrics.ActiveRequests.Enabled;
        var traced = ClientActivities.Source.HasListeners();
        if (!measured && !counted && !traced)
        {
            return default;
        }

        var request = new RequestTelemetry { _connection = connection, _contract = contract };
        if (counted)
        {
            var tags = connection.ServerTagList();
            tags.Add(TagNames.RequestContract, contract);
            metrics.ActiveRequests.Add(1, tags);
            request._countedActive = true;
        }

        if (measured)
        {
            request._started = Stopwatch.GetTimestamp();
        }

        if (traced && ClientActivities.Source.StartActivity($"{clientType.Name}/{contract}", ActivityKind.Client) is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                var server = connection.Tags;
                activity.SetTag(TagNames.ServerAddress, server.Address);
                activity.SetTag(TagNames.ServerPort, server.Port);
                activity.SetTag(TagNames.UrlScheme, server.Scheme);
                activity.SetTag(TagNames.RequestContract, contract);
                activity.SetTag(TagNames.RequestId, requestId);
                activity.SetTag(TagNames.ClientType, clientType.FullName);
            }

            request._activity = activity;
        }

        return request;
    }

    /// <summary>The response arrived; <paramref name="withError"/> when it carries the server's error rather than a result.</summary>
    public void Answered(bool withError)
    {
        if (withError && _connection is not null)
        {
            _errorType = ErrorTypes.ServerError;
            _activity?.SetStatus(ActivityStatusCode.Error);
            _activity?.SetTag(TagNames.ErrorType, _errorType);
        }
    }

    /// <summary>Notes why the request failed; returns <see langword="false"/>, for use as an exception filter that catches nothing.</summary>
    public bool Failed(Exception exception)
    {
        if (_connection is not null)
        {
            _errorType = ErrorTypes.OfRequest(exception);
            if (_activity is { } activity)
            {
                ClientActivities.Fail(activity, _errorType, exception);
            }
        }

        return false;
    }

    /// <summary>The request ended: a response, or the failure <see cref="Failed"/> noted.</summary>
    public void End()
    {
        if (_connection is not { } connection)
        {
            return;
        }

        _connection = null;
        var metrics = connection.Metrics;
        if (_countedActive)
        {
            var tags = connection.ServerTagList();
            tags.Add(TagNames.RequestContract, _contract);
            metrics.ActiveRequests.Add(-1, tags);
        }

        if (_started != 0 && metrics.RequestDuration.Enabled)
        {
            var tags = connection.ServerTagList();
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
