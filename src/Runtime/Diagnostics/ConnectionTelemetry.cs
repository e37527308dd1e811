using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.WebSockets;

namespace CpWebSocket.Diagnostics;

/// <summary>
/// Records one connection's metrics and connect spans. Every method first asks whether anything listens
/// (<see cref="Instrument.Enabled"/>, <see cref="ActivitySource.HasListeners"/>) and returns at once when nothing does;
/// attribute values are precomputed strings and boxes, passed in a <see cref="TagList"/>, so a recording allocates nothing.
/// </summary>
internal sealed class ConnectionTelemetry
{
    private static readonly object True = true;
    private static readonly object False = false;

    private readonly Uri _url;
    private ServerTags? _tags;

    // The requests measured now, by id; made the first time a request is measured.
    private Dictionary<long, RequestTelemetry>? _requests;

    public ConnectionTelemetry(Uri url, IMeterFactory? meterFactory)
    {
        _url = url;
        Metrics = ClientMetrics.For(meterFactory);
    }

    public ClientMetrics Metrics { get; }

    /// <summary>The server's attribute values, built on first use.</summary>
    public ServerTags Tags => _tags ??= new ServerTags(_url);

    /// <summary>A connect starts (on the connecting flow, so that the handshake's HTTP span nests under the connect span).</summary>
    public void ConnectStarting(ConnectionCycle cycle)
    {
        ref var state = ref cycle.Telemetry;
        if (cycle.Attempt > 0 && Activity.Current is not null)
        {
            // A reconnect starts a trace of its own: it belongs to no caller, and the one that opened the first is long over.
            Activity.Current = null;
        }

        if (Metrics.ConnectDuration.Enabled || Metrics.ReconnectAttempts.Enabled)
        {
            state.ConnectStarted = Stopwatch.GetTimestamp();
        }

        if (ClientActivities.Source.HasListeners() && ClientActivities.Source.StartActivity(ClientActivities.ConnectName, ActivityKind.Client) is { } activity)
        {
            if (activity.IsAllDataRequested)
            {
                var tags = Tags;
                activity.SetTag(TagNames.ServerAddress, tags.Address);
                activity.SetTag(TagNames.ServerPort, tags.Port);
                activity.SetTag(TagNames.UrlScheme, tags.Scheme);
                activity.SetTag(TagNames.UrlFull, tags.UrlFull);
                activity.SetTag(TagNames.ConnectAttempt, cycle.Attempt);
            }

            state.Connect = activity;
        }
    }

    /// <summary>The handshake succeeded.</summary>
    public void Connected(ConnectionCycle cycle, WebSocket socket)
    {
        ref var state = ref cycle.Telemetry;
        if (state.Connect is { } activity)
        {
            if (socket.SubProtocol is { } subProtocol)
            {
                activity.SetTag(TagNames.SubProtocol, subProtocol);
            }

            activity.Stop();
            state.Connect = null;
        }

        RecordConnect(cycle, null);
    }

    /// <summary>The connect failed: it was abandoned (by <c>Close</c>), timed out, or the handshake failed.</summary>
    public void ConnectFailed(ConnectionCycle cycle, Exception exception, bool abandoned, bool timedOut)
    {
        ref var state = ref cycle.Telemetry;
        if (state.Connect is null && state.ConnectStarted == 0 && !(cycle.Attempt > 0 && Metrics.ReconnectAttempts.Enabled))
        {
            return;
        }

        var errorType = abandoned ? ErrorTypes.Canceled : timedOut ? ErrorTypes.Timeout : ErrorTypes.OfConnect(exception);
        if (state.Connect is { } activity)
        {
            ClientActivities.Fail(activity, errorType, abandoned ? null : exception);
            activity.Stop();
            state.Connect = null;
        }

        RecordConnect(cycle, errorType);
    }

    /// <summary>The connection opened (under the connection's lock).</summary>
    public void Opened(ConnectionCycle cycle)
    {
        ref var state = ref cycle.Telemetry;
        if (Metrics.ActiveConnections.Enabled)
        {
            var tags = ServerTagList();
            Metrics.ActiveConnections.Add(1, tags);
            state.CountedActive = true;
        }

        if (Metrics.ConnectionDuration.Enabled)
        {
            state.OpenedAt = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>The attempt ended, with <paramref name="error"/> when it was lost or refused something.</summary>
    public void Ended(ConnectionCycle cycle, WebSocketErrorInfo? error, in WebSocketCloseInfo close)
    {
        ref var state = ref cycle.Telemetry;
        if (state.CountedActive)
        {
            state.CountedActive = false;
            Metrics.ActiveConnections.Add(-1, ServerTagList());
        }

        if (state.OpenedAt != 0 && Metrics.ConnectionDuration.Enabled)
        {
            var tags = ServerTagList();
            tags.Add(TagNames.CloseInitiator, close.ByPeer ? "server" : "client");
            if (close.Status is { } status)
            {
                tags.Add(TagNames.CloseStatus, CloseStatuses.Box(status));
            }

            if (error is not null)
            {
                tags.Add(TagNames.ErrorType, ErrorTypes.Of(error.Kind));
            }

            Metrics.ConnectionDuration.Record(Stopwatch.GetElapsedTime(state.OpenedAt).TotalSeconds, tags);
        }

        state.OpenedAt = 0;
    }

    /// <summary>A whole message arrived.</summary>
    /// <param name="kind">Text or binary.</param>
    /// <param name="data">The message.</param>
    /// <param name="contractOf">Names the contract of a typed client's text message; asked only while something listens.</param>
    public void MessageReceived(WebSocketMessageKind kind, ReadOnlyMemory<byte> data, Func<ReadOnlyMemory<byte>, string?>? contractOf)
    {
        if (Metrics.MessageSize.Enabled)
        {
            var text = kind == WebSocketMessageKind.Text;
            RecordMessage(data.Length, "receive", text ? "text" : "binary", text ? contractOf?.Invoke(data) : null);
        }
    }

    /// <summary>A message was written (or accepted into the batch written next).</summary>
    /// <param name="type">Text or binary.</param>
    /// <param name="length">Its size in bytes.</param>
    /// <param name="contract">The contract of a typed message; <see langword="null"/> for a raw one.</param>
    public void MessageSent(WebSocketMessageType type, int length, string? contract)
    {
        if (Metrics.MessageSize.Enabled)
        {
            RecordMessage(length, "transmit", type == WebSocketMessageType.Text ? "text" : "binary", contract);
        }
    }

    /// <summary>An error event was raised.</summary>
    public void ErrorRaised(WebSocketErrorInfo error)
    {
        if (Metrics.Errors.Enabled)
        {
            var tags = ServerTagList();
            tags.Add(TagNames.ErrorType, ErrorTypes.Of(error.Kind));
            if (error.Contract is { } contract)
            {
                tags.Add(TagNames.MessageContract, contract.Name);
            }

            Metrics.Errors.Add(1, tags);
        }
    }

    /// <summary>A request was registered; it is measured from here when something listens. Its span becomes the current activity.</summary>
    public void RequestStarted(long id, Type clientType, string contract)
    {
        if (RequestTelemetry.Start(this, clientType, contract, id) is { } request)
        {
            var requests = Volatile.Read(ref _requests) ?? Interlocked.CompareExchange(ref _requests, [], null) ?? _requests!;
            lock (requests)
            {
                requests[id] = request;
            }
        }
    }

    /// <summary>The request's response arrived; <paramref name="withError"/> when it carries the server's error.</summary>
    public void RequestAnswered(long id, bool withError)
    {
        if (withError && Find(id, remove: false) is { } request)
        {
            request.AnsweredWithError();
        }
    }

    /// <summary>The request failed; returns <see langword="false"/>, for an exception filter that records and catches nothing.</summary>
    public bool RequestFailed(long id, Exception exception)
    {
        Find(id, remove: false)?.Failed(exception);
        return false;
    }

    /// <summary>The request ended.</summary>
    public void RequestEnded(long id) => Find(id, remove: true)?.End();

    /// <summary><c>server.address</c>, <c>server.port</c> and <c>url.scheme</c>.</summary>
    public TagList ServerTagList()
    {
        var tags = Tags;
        return new TagList
        {
            { TagNames.ServerAddress, tags.Address },
            { TagNames.ServerPort, tags.Port },
            { TagNames.UrlScheme, tags.Scheme },
        };
    }

    private RequestTelemetry? Find(long id, bool remove)
    {
        if (Volatile.Read(ref _requests) is not { } requests)
        {
            return null;
        }

        lock (requests)
        {
            return remove ? (requests.Remove(id, out var removed) ? removed : null) : requests.GetValueOrDefault(id);
        }
    }

    private void RecordMessage(int length, string direction, string type, string? contract)
    {
        var tags = ServerTagList();
        tags.Add(TagNames.NetworkIoDirection, direction);
        tags.Add(TagNames.MessageType, type);
        if (contract is not null)
        {
            tags.Add(TagNames.MessageContract, contract);
        }

        Metrics.MessageSize.Record(length, tags);
    }

    private void RecordConnect(ConnectionCycle cycle, string? errorType)
    {
        ref var state = ref cycle.Telemetry;
        var reconnect = cycle.Attempt > 0;
        if (state.ConnectStarted != 0 && Metrics.ConnectDuration.Enabled)
        {
            var tags = ServerTagList();
            tags.Add(TagNames.ConnectReconnect, reconnect ? True : False);
            if (errorType is not null)
            {
                tags.Add(TagNames.ErrorType, errorType);
            }

            Metrics.ConnectDuration.Record(Stopwatch.GetElapsedTime(state.ConnectStarted).TotalSeconds, tags);
        }

        state.ConnectStarted = 0;
        if (reconnect && Metrics.ReconnectAttempts.Enabled)
        {
            var tags = ServerTagList();
            if (errorType is not null)
            {
                tags.Add(TagNames.ErrorType, errorType);
            }

            Metrics.ReconnectAttempts.Add(1, tags);
        }
    }
}
