using System.Net.WebSockets;
using CpWebSocket.Transport;

namespace CpWebSocket;

/// <summary>
/// The session hooks: async code that runs at each step of every connection attempt, awaited in the order of events.
/// <c>OnConnecting</c> hooks choose the attempt's address and headers before it connects; <c>OnOpened</c> hooks run once
/// it is open, and the connection is ready (<c>OpenAsync</c> completes, a reconnect is done) only once they ran, so an
/// app's handshake is part of opening; <c>OnClosed</c> hooks run after each <c>Closed</c>. A hook's exception becomes an
/// event, never an exception on the thread pool.
/// </summary>
public sealed partial class HttpWebSocket
{
    private readonly HookList<Func<WebSocketConnectContext, CancellationToken, ValueTask>> _connectingHooks = new();
    private readonly HookList<Func<WebSocketConnectContext, CancellationToken, ValueTask>> _openedHooks = new();
    private readonly HookList<Func<WebSocketCloseInfo, CancellationToken, ValueTask>> _closedHooks = new();

    // Cancelled when the connection is disposed: the token of OnClosed hooks.
    private readonly CancellationTokenSource _disposal = new();

    /// <summary>
    /// Registers a hook that runs before each connection attempt (the first <see cref="Open"/> and every reconnect),
    /// with the attempt's context: set <see cref="WebSocketConnectContext.Url"/> or
    /// <see cref="WebSocketConnectContext.RequestHeaders"/> for this attempt (a refreshed token, a resume address), and read
    /// its <see cref="WebSocketConnectContext.Attempt"/>, <see cref="WebSocketConnectContext.Delay"/> and
    /// <see cref="WebSocketConnectContext.Cause"/>.
    /// </summary>
    /// <param name="hook">
    /// Called with the attempt's context and a token cancelled when the attempt is abandoned or
    /// <see cref="HttpWebSocketOptions.ConnectTimeout"/> (which counts the hooks too) passes. An exception fails the
    /// attempt (a <see cref="WebSocketErrorKind.Connect"/> error that says so).
    /// </param>
    /// <returns>Removes the hook when disposed.</returns>
    /// <example>
    /// <code language="csharp">
    /// socket.OnConnecting(async (connect, ct) =>
    ///     connect.RequestHeaders["Authorization"] = "Bearer " + await tokens.GetTokenAsync(ct));
    /// </code>
    /// </example>
    public IDisposable OnConnecting(Func<WebSocketConnectContext, CancellationToken, ValueTask> hook) => _connectingHooks.Add(hook);

    /// <summary>
    /// Registers a hook that runs each time a connection opens (after the <see cref="Opened"/> event), such as a
    /// handshake: the connection is ready only once every such hook ran, so <see cref="OpenAsync"/> completes, and a
    /// reconnect counts as done, after it. Messages that arrive meanwhile wait and are delivered to handlers afterwards,
    /// in order; requests and awaited messages are matched as they arrive, so the hook can await them.
    /// </summary>
    /// <param name="hook">
    /// Called with a token cancelled when this connection ends. An exception closes the connection (1000), is raised as an
    /// <see cref="WebSocketErrorKind.OpenedHook"/> error, fails <see cref="OpenAsync"/> with it as the cause, and counts as a
    /// failed attempt for the <see cref="ReconnectPolicy"/>.
    /// </param>
    /// <returns>Removes the hook when disposed.</returns>
    public IDisposable OnOpened(Func<CancellationToken, ValueTask> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        return _openedHooks.Add((_, cancellationToken) => hook(cancellationToken));
    }

    /// <summary>
    /// Registers a hook that runs each time a connection opens, as <see cref="OnOpened(Func{CancellationToken, ValueTask})"/>,
    /// with the context of the attempt that opened: its number (0 for <see cref="Open"/>, from 1 for a reconnect), the delay
    /// before it, the cause of the reconnect, and the address it connected to.
    /// </summary>
    /// <param name="hook">Called with the attempt's context and a token cancelled when this connection ends.</param>
    /// <returns>Removes the hook when disposed.</returns>
    public IDisposable OnOpened(Func<WebSocketConnectContext, CancellationToken, ValueTask> hook) => _openedHooks.Add(hook);

    /// <summary>
    /// Registers a hook that runs after each <see cref="Closed"/> event, with its details; the events after it wait
    /// until it completes.
    /// </summary>
    /// <param name="hook">
    /// Called with how the connection closed and a token cancelled when the connection is disposed. An exception is
    /// raised as an <see cref="WebSocketErrorKind.Callback"/> error.
    /// </param>
    /// <returns>Removes the hook when disposed.</returns>
    public IDisposable OnClosed(Func<WebSocketCloseInfo, CancellationToken, ValueTask> hook) => _closedHooks.Add(hook);

    /// <summary>
    /// Starts work repeated every <paramref name="interval"/> for as long as the current connection lasts (a protocol's
    /// heartbeat): it stops when that connection ends; start it again on the next one (from the handler of the message
    /// that gives the interval, which comes again). See <see cref="ConnectionHeartbeat"/>.
    /// </summary>
    /// <param name="interval">The time from the end of one beat to the start of the next; the first beat comes one interval after this call.</param>
    /// <param name="beat">The work, such as sending the protocol's heartbeat message; its token is cancelled when the connection ends.</param>
    /// <returns>The heartbeat: <see cref="ConnectionHeartbeat.BeatNow"/> beats at once, disposing it stops it. Already stopped when no connection is open.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public ConnectionHeartbeat StartHeartbeat(TimeSpan interval, Func<CancellationToken, ValueTask> beat)
    {
        ArgumentNullException.ThrowIfNull(beat);
        if (interval <= TimeSpan.Zero || interval.TotalMilliseconds > uint.MaxValue - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The heartbeat's interval must be positive (and below 49 days).");
        }

        ConnectionCycle? cycle;
        lock (_gate)
        {
            cycle = _status == WebSocketStatus.Open && _cycle is { Ending: false } current ? current : null;
        }

        var lifetime = cycle?.Lifetime.Token ?? new CancellationToken(canceled: true);
        // No beat once the connection started closing: the beat could not be sent, and saying so would be noise.
        var heartbeat = new ConnectionHeartbeat(interval, ct => IsOpenCycle(cycle!) ? beat(ct) : default, ex => ReportHeartbeatFault(cycle!, ex), lifetime);
        heartbeat.Start();
        return heartbeat;
    }

    /// <summary>Whether <paramref name="cycle"/> is the connection, open and not closing.</summary>
    private bool IsOpenCycle(ConnectionCycle cycle)
    {
        lock (_gate)
        {
            return _cycle == cycle && !cycle.Ending && _status == WebSocketStatus.Open;
        }
    }

    /// <summary>Runs the <c>OnConnecting</c> hooks of an attempt; returns the error that fails it, or <see langword="null"/>.</summary>
    private ValueTask<WebSocketErrorInfo?> RunConnectingHooksAsync(WebSocketConnectContext context, CancellationTokenSource connecting)
    {
        var hooks = _connectingHooks.Items;
        return hooks.Length == 0 ? new ValueTask<WebSocketErrorInfo?>((WebSocketErrorInfo?)null) : RunAsync(hooks);

        async ValueTask<WebSocketErrorInfo?> RunAsync(Func<WebSocketConnectContext, CancellationToken, ValueTask>[] hooks)
        {
            foreach (var hook in hooks)
            {
                try
                {
                    await hook(context, connecting.Token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    var reason = ex is OperationCanceledException && connecting.IsCancellationRequested
                        ? $"its OnConnecting hooks did not finish within {_options.ConnectTimeout:c} (HttpWebSocketOptions.ConnectTimeout)."
                        : $"an OnConnecting hook threw {ex.GetType().Name}: {Describe(ex)}";
                    return new WebSocketErrorInfo(WebSocketErrorKind.Connect, $"Could not connect to {context.Url}: {reason}", ex);
                }
            }

            return null;
        }
    }

    /// <summary>
    /// Delivers the <c>OnOpened</c> hooks of a cycle that opened, one after another, as part of its <c>Opened</c> event:
    /// the events behind it (messages included) wait until they ran. Then the cycle is ready, unless a hook failed or the
    /// cycle ended meanwhile.
    /// </summary>
    private ValueTask RunOpenedHooksAsync(ConnectionCycle cycle)
    {
        var hooks = _openedHooks.Items;
        if (hooks.Length == 0 || cycle.Lifetime.IsCancellationRequested)
        {
            BecomeReady(cycle);
            return default;
        }

        return RunAsync(hooks);

        async ValueTask RunAsync(Func<WebSocketConnectContext, CancellationToken, ValueTask>[] hooks)
        {
            var token = cycle.Lifetime.Token;
            var context = cycle.Context!;
            foreach (var hook in hooks)
            {
                try
                {
                    await hook(context, token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    OnOpenedHookFailed(cycle, ex);
                    return;
                }
            }

            BecomeReady(cycle);
        }
    }

    /// <summary>The cycle's hooks ran: it is ready, unless it is closing or ended meanwhile.</summary>
    private void BecomeReady(ConnectionCycle cycle)
    {
        lock (_gate)
        {
            if (cycle.Ending || _cycle != cycle || _status != WebSocketStatus.Open)
            {
                return;
            }

            cycle.Ready = true;
            Listener?.OnCycleReady();
        }
    }

    /// <summary>
    /// An <c>OnOpened</c> hook threw. When the connection ended first, that is the cause and nothing more is said; otherwise
    /// the failure is raised and this side closes the connection, which fails the open and counts as a failed attempt.
    /// </summary>
    private void OnOpenedHookFailed(ConnectionCycle cycle, Exception exception)
    {
        SendOp? frame;
        lock (_gate)
        {
            if (cycle.Ending || _cycle != cycle || _status != WebSocketStatus.Open)
            {
                cycle.HookFailure ??= exception;
                return;
            }

            cycle.HookFailure = exception;
            cycle.HookError = new WebSocketErrorInfo(
                WebSocketErrorKind.OpenedHook,
                $"An OnOpened hook threw {exception.GetType().Name}: {Describe(exception)} The connection to {cycle.Url} is closed and did not become ready.",
                exception);
            Log.Error(_logger, cycle.Url, cycle.HookError.Kind, cycle.HookError.Message, exception);
            _dispatcher.EnqueueDeliveryFollowUp(PendingEvent.ForError(cycle.HookError));
            SetStatusNoLock(WebSocketStatus.Closing, PendingEvent.Lifecycle(WebSocketEvent.Closing));
            Log.Closing(_logger, Url);
            frame = QueueCloseNoLock(cycle, WebSocketCloseStatus.NormalClosure, "The client's handshake failed.");
        }

        StartCloseTimer(cycle);
        if (frame is not null)
        {
            _ = WriteTakenAsync(cycle, frame);
        }
    }

    /// <summary>Delivers the <c>OnClosed</c> hooks after a <c>Closed</c> event; a hook that throws becomes a <c>Callback</c> error.</summary>
    private ValueTask RunClosedHooksAsync(WebSocketCloseInfo close)
    {
        var hooks = _closedHooks.Items;
        return hooks.Length == 0 ? default : RunAsync(hooks);

        async ValueTask RunAsync(Func<WebSocketCloseInfo, CancellationToken, ValueTask>[] hooks)
        {
            foreach (var hook in hooks)
            {
                try
                {
                    await hook(close, _disposal.Token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    ReportHandlerFault(WebSocketEvent.Closed, ex);
                }
            }
        }
    }

    /// <summary>A heartbeat's beat threw while its connection lasted: an error, in order, before that connection's <c>Closed</c>.</summary>
    private void ReportHeartbeatFault(ConnectionCycle cycle, Exception exception)
    {
        lock (_gate)
        {
            if (cycle.Ending || _cycle != cycle || _status != WebSocketStatus.Open)
            {
                return; // the connection is closing or ended meanwhile: that is why it failed
            }

            var error = new WebSocketErrorInfo(
                WebSocketErrorKind.Callback,
                $"A heartbeat threw {exception.GetType().Name}: {exception.Message} The heartbeat goes on.",
                exception);
            Log.Error(_logger, Url, error.Kind, error.Message, exception);
            _dispatcher.Enqueue(PendingEvent.ForError(error));
        }

        _dispatcher.Drain();
    }
}
