using System.Net.WebSockets;
using CpWebSocket.Transport.Sockets;

namespace CpWebSocket;

/// <summary>
/// The state machine. Every change of status happens under <c>_gate</c>, together with the decision it implies, so no
/// interleaving of <c>Open</c>, <c>Close</c>, sends, dispose, the connect, the receive loop and the timers can see half a
/// transition. Each connection attempt is one <see cref="ConnectionCycle"/>: <c>Opening</c>, then <c>Open</c> (or not),
/// maybe <c>Closing</c>, and always one <c>Closed</c>, the last event of the cycle.
/// </summary>
public sealed partial class HttpWebSocket
{
    /// <summary>
    /// The seed's <c>open()</c>: starts connecting and returns at once. The status becomes
    /// <see cref="WebSocketStatus.Opening"/> (with its event) when it was <see cref="WebSocketStatus.Closed"/>;
    /// then <see cref="WebSocketEvent.Opened"/> follows, or <see cref="WebSocketEvent.Error"/> and
    /// <see cref="WebSocketEvent.Closed"/> when the connect fails.
    /// </summary>
    /// <returns>The status after the call: <see cref="WebSocketStatus.Opening"/>, or the unchanged status when already opening, open or closing.</returns>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    public WebSocketStatus Open()
    {
        ConnectionCycle? started;
        WebSocketStatus status;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            started = OpenNoLock();
            status = _status;
        }

        _dispatcher.Drain();
        Start(started);
        return status;
    }

    /// <summary>Opens the connection and completes when it is open.</summary>
    /// <param name="cancellationToken">Stops the wait (the connect goes on; call <see cref="Close"/> to stop it).</param>
    /// <returns>A task that completes once the status is <see cref="WebSocketStatus.Open"/> and the <see cref="Opened"/> handlers ran.</returns>
    /// <exception cref="WebSocketConnectException">The connect failed; the message says why.</exception>
    /// <exception cref="InvalidOperationException">The connection is closing.</exception>
    /// <exception cref="ObjectDisposedException">The connection was disposed.</exception>
    public Task OpenAsync(CancellationToken cancellationToken = default)
    {
        ConnectionCycle? started;
        Task opened;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            started = OpenNoLock();
            opened = _status == WebSocketStatus.Closing
                ? Task.FromException(new InvalidOperationException($"The connection to {Url} is closing; await CloseAsync before opening it again."))
                : _cycle!.OpenedTask();
        }

        _dispatcher.Drain();
        Start(started);
        return opened.IsCompleted ? opened : opened.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// The seed's <c>close()</c>: never blocks. When open, the status becomes <see cref="WebSocketStatus.Closing"/>
    /// (with its event), the close frame takes its turn after the messages already accepted, and
    /// <see cref="WebSocketEvent.Closed"/> follows once the peer answered, within <see cref="HttpWebSocketOptions.CloseTimeout"/>
    /// even if it never does. When opening, the connect is abandoned and the status goes straight to
    /// <see cref="WebSocketStatus.Closed"/>. When closing or closed, nothing happens, except that a pending reconnect is
    /// cancelled and a last <see cref="WebSocketEvent.Closed"/> (<see cref="WebSocketCloseInfo.WillReconnect"/> false) says the
    /// connection is closed for good.
    /// </summary>
    /// <returns>This connection.</returns>
    public HttpWebSocket Close()
    {
        CloseAction action;
        lock (_gate)
        {
            _ = BeginCloseNoLock(out action);
        }

        Run(action);
        return this;
    }

    /// <summary>Closes the connection and completes once that closing ended (its <see cref="WebSocketEvent.Closed"/> event was delivered).</summary>
    /// <param name="cancellationToken">Stops the wait (the close goes on).</param>
    /// <returns>A task that completes when the connection is closed; at once when it was never opened.</returns>
    public Task CloseAsync(CancellationToken cancellationToken = default)
    {
        Task closure;
        CloseAction action;
        lock (_gate)
        {
            closure = BeginCloseNoLock(out action);
        }

        Run(action);
        return closure.IsCompleted ? closure : closure.WaitAsync(cancellationToken);
    }

    /// <summary>Closed → Opening with a new cycle (guarded); null when the status does not allow it.</summary>
    private ConnectionCycle? OpenNoLock()
    {
        switch (_status)
        {
            case WebSocketStatus.Closed:
                return StartCycleNoLock(attempt: 0);
            case WebSocketStatus.Closing:
                _dispatcher.Enqueue(PendingEvent.ForError(new WebSocketErrorInfo(
                    WebSocketErrorKind.InvalidOperation,
                    "Open() was called while the connection is closing; call it again after the Closed event.")));
                return null;
            default:
                return null;
        }
    }

    private ConnectionCycle StartCycleNoLock(int attempt, TimeSpan delay = default, ReconnectCause? cause = null)
    {
        CancelReconnectNoLock();
        _finalClose = null;
        var cycle = new ConnectionCycle(attempt, Url, delay, cause);
        if (_carriedOpen is { } opened)
        {
            _carriedOpen = null;
            cycle.AdoptOpen(opened);
        }

        _cycle = cycle;
        _latest = cycle;
        SetStatusNoLock(WebSocketStatus.Opening, PendingEvent.Lifecycle(WebSocketEvent.Opening));
        Log.Opening(_logger, Url);
        return cycle;
    }

    private void Start(ConnectionCycle? cycle)
    {
        if (cycle is not null)
        {
            _ = RunCycleAsync(cycle);
        }
    }

    /// <summary>One attempt, from the connect to the end of its receive loop. Never throws.</summary>
    private async Task RunCycleAsync(ConnectionCycle cycle)
    {
        WebSocket? socket = null;
        WebSocketErrorInfo? failure;
        var context = _options.CreateContext(Url, cycle.Attempt, cycle.Delay, cycle.Cause);
        cycle.Context = context;
        Telemetry.ConnectStarting(cycle);
        using (var connecting = CancellationTokenSource.CreateLinkedTokenSource(cycle.Lifetime.Token))
        {
            if (_options.ConnectTimeout != Timeout.InfiniteTimeSpan)
            {
                connecting.CancelAfter(_options.ConnectTimeout);
            }

            failure = await RunConnectingHooksAsync(context, connecting).ConfigureAwait(false);
            if (failure is null)
            {
                cycle.Url = context.Url;
                try
                {
                    socket = await _transport.ConnectAsync(context, connecting.Token).ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    var reason = ex is OperationCanceledException && connecting.IsCancellationRequested
                        ? $"the opening handshake did not finish within {_options.ConnectTimeout:c} (HttpWebSocketOptions.ConnectTimeout)."
                        : Describe(ex is WebSocketException { InnerException: { } inner } && ex.Message == inner.Message ? inner : ex);
                    failure = new WebSocketErrorInfo(WebSocketErrorKind.Connect, $"Could not connect to {cycle.Url}: {reason}", ex);
                }
            }

            if (failure is not null)
            {
                Telemetry.ConnectFailed(
                    cycle,
                    failure.Exception!,
                    abandoned: cycle.Lifetime.IsCancellationRequested,
                    timedOut: failure.Exception is OperationCanceledException && connecting.IsCancellationRequested);
            }
        }

        if (failure is not null)
        {
            if (!cycle.Lifetime.IsCancellationRequested)
            {
                // Not abandoned (Close() or dispose reports an abandoned attempt's ending itself).
                await FinishCycleAsync(cycle, failure, new WebSocketCloseInfo(null, null, ByPeer: false, WillReconnect: false)).ConfigureAwait(false);
            }

            return;
        }

        cycle.Signals = context.Signals;
        Telemetry.Connected(cycle, socket!);
        if (!TryOpen(cycle, socket!))
        {
            socket!.Abort(); // abandoned while the handshake finished: nobody else would close this one
            socket.Dispose();
            return;
        }

        await ReceiveAsync(cycle, socket!).ConfigureAwait(false);
    }

    /// <summary>Opening → Open for <paramref name="cycle"/>, unless it was abandoned meanwhile.</summary>
    private bool TryOpen(ConnectionCycle cycle, WebSocket socket)
    {
        lock (_gate)
        {
            if (cycle.Ending || _cycle != cycle)
            {
                return false;
            }

            cycle.Socket = socket;
            cycle.WasOpen = true;
            Telemetry.Opened(cycle);
            Listener?.OnCycleOpened();
            SetStatusNoLock(WebSocketStatus.Open, PendingEvent.ForOpened(cycle));
            _dispatcher.Enqueue(PendingEvent.After(() =>
            {
                TaskCompletionSource? opened;
                lock (_gate)
                {
                    opened = cycle.OnOpenedDelivered();
                }

                opened?.TrySetResult();
            }));
            Log.Opened(_logger, Url);
        }

        _dispatcher.Drain();
        return true;
    }

    /// <summary>
    /// Starts closing (guarded) and says what is left to do out of the lock; returns the task that completes once the
    /// <c>Closed</c> event of that closing (or of the closing already under way) was delivered.
    /// </summary>
    private Task BeginCloseNoLock(out CloseAction action)
    {
        action = CloseAction.None;
        var cycle = _cycle;
        switch (_status)
        {
            case WebSocketStatus.Open:
                cycle!.ClosingByUser = true;
                SetStatusNoLock(WebSocketStatus.Closing, PendingEvent.Lifecycle(WebSocketEvent.Closing));
                Log.Closing(_logger, Url);
                action = new CloseAction(cycle, Abandoned: false, QueueCloseNoLock(cycle, WebSocketCloseStatus.NormalClosure, string.Empty));
                return cycle.EndedTask();
            case WebSocketStatus.Opening:
                cycle!.ClosingByUser = true;
                if (BeginEndingNoLock(cycle))
                {
                    action = new CloseAction(cycle, Abandoned: true, null);
                }

                // Otherwise its connect failed and its ending is under way: that ending raises the one Closed.
                return cycle.EndedTask();
            case WebSocketStatus.Closing:
                return cycle!.EndedTask();
            default:
                return EndPendingReconnectNoLock() ?? _finalClose ?? _latest?.EndedTask() ?? Task.CompletedTask;
        }
    }

    /// <summary>Does what a close decided under the lock left to do.</summary>
    private void Run(in CloseAction action)
    {
        if (action.Cycle is { } cycle)
        {
            if (action.Abandoned)
            {
                _ = CompleteEndingAsync(cycle, null, new WebSocketCloseInfo(null, null, ByPeer: false, WillReconnect: false), $"Close() was called before the connection to {Url} opened.");
            }
            else
            {
                StartCloseTimer(cycle);
                if (action.CloseFrame is { } frame)
                {
                    _ = WriteTakenAsync(cycle, frame);
                }
            }
        }

        _dispatcher.Drain();
    }

    /// <summary>Queues the cycle's close frame behind the messages accepted before it (guarded); returns it when it took the idle lane and must be written now.</summary>
    private static SendOp? QueueCloseNoLock(ConnectionCycle cycle, WebSocketCloseStatus status, string? description)
    {
        var frame = SendOp.Close(status, description);
        cycle.CloseOp = frame;
        cycle.Lane.Closed = true;
        if (cycle.Lane.TryTake())
        {
            frame.Taken = true;
            return frame;
        }

        cycle.Lane.Enqueue(frame);
        return null;
    }

    /// <summary>Aborts the cycle's socket once <see cref="HttpWebSocketOptions.CloseTimeout"/> has passed without the close handshake ending.</summary>
    private void StartCloseTimer(ConnectionCycle cycle)
    {
        lock (_gate)
        {
            if (cycle.CloseTimerStarted || cycle.Ending)
            {
                return;
            }

            cycle.CloseTimerStarted = true;
        }

        _ = AbortAfterCloseTimeoutAsync(cycle);
    }

    private async Task AbortAfterCloseTimeoutAsync(ConnectionCycle cycle)
    {
        try
        {
            await Task.Delay(_options.CloseTimeout, cycle.Lifetime.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // the cycle ended first
        }

        Log.CloseTimedOut(_logger, Url, _options.CloseTimeout);
        Abort(cycle);
    }

    private static void Abort(ConnectionCycle cycle)
    {
        cycle.AbortRequested = true;
        cycle.Socket?.Abort();
    }

    /// <summary>Marks the cycle ending (guarded): it accepts nothing more. False when it already was.</summary>
    private static bool BeginEndingNoLock(ConnectionCycle cycle)
    {
        if (cycle.Ending)
        {
            return false;
        }

        cycle.Ending = true;
        cycle.Lane.Closed = true;
        return true;
    }

    /// <summary>Ends <paramref name="cycle"/>, unless it is ending already.</summary>
    private Task FinishCycleAsync(ConnectionCycle cycle, WebSocketErrorInfo? error, WebSocketCloseInfo close, string? openFailure = null)
    {
        lock (_gate)
        {
            if (!BeginEndingNoLock(cycle))
            {
                return Task.CompletedTask;
            }
        }

        return CompleteEndingAsync(cycle, error, close, openFailure);
    }

    /// <summary>
    /// The rest of a cycle's ending: the socket is dropped (a completed close handshake closed it already), the frame
    /// being written is let finish (it fails at once), every message that was not written is reported, then the cycle's
    /// error, then its <c>Closed</c> event, the last one.
    /// </summary>
    private async Task CompleteEndingAsync(ConnectionCycle cycle, WebSocketErrorInfo? error, WebSocketCloseInfo close, string? openFailure)
    {
        Abort(cycle);
        cycle.Lifetime.Cancel(); // stops the connect and the close timer; at once, so a connect abandoned by Close() is Closed before Close() returns
        Task idle;
        lock (_gate)
        {
            idle = cycle.Lane.IdleTask();
        }

        await idle.ConfigureAwait(false);

        List<SendOp> waiting;
        var reason = error is null ? "the connection closed before its turn" : $"the connection ended: {error.Message}";
        var decision = DecideReconnect(cycle, error, close);
        lock (_gate)
        {
            waiting = cycle.Lane.TakeWaiting();
            if (cycle.Signals is { } signals)
            {
                foreach (var (length, type) in cycle.Lane.TakeUnwritten(signals.DataFramesWritten))
                {
                    ReportNotSentNoLock(length, type, $"it was accepted but never written, {reason}");
                }
            }

            foreach (var op in waiting.Where(op => op.Completion is null))
            {
                ReportNotSentNoLock(op.Payload.Length, op.Type, reason);
            }

            EndCycleNoLock(cycle, error, close, openFailure, decision);
        }

        foreach (var op in waiting)
        {
            op.Release();
            if (op.IsClose)
            {
                op.Completion!.TrySetResult();
            }
            else if (op.Completion is { } completion)
            {
                completion.TrySetException(new WebSocketSendException(NotSentMessage(op.Payload.Length, op.Type == WebSocketMessageType.Binary, reason)));
                _ = completion.Task.Exception; // observed: its caller may have stopped waiting
            }
        }

        _dispatcher.Drain();
        cycle.Socket?.Dispose();
    }

    /// <summary>
    /// What the reconnect policy's predicate says of this ending, asked before the lock is taken (it is the app's code):
    /// the cause, and whether the predicate allows a reconnect (or the error it threw).
    /// </summary>
    private ReconnectDecision DecideReconnect(ConnectionCycle cycle, WebSocketErrorInfo? error, WebSocketCloseInfo close)
    {
        if (_options.Reconnect is not { } policy)
        {
            return default;
        }

        // Stable once the cycle is ending: Ready and HookError are set only before.
        var cause = new ReconnectCause(close, error ?? cycle.HookError, cycle.Ready, cycle.Ready ? 1 : cycle.Attempt + 1);
        if (policy.ShouldReconnect is not { } predicate)
        {
            return new ReconnectDecision(cause, Allowed: true, null);
        }

        try
        {
            return new ReconnectDecision(cause, predicate(cause), null);
        }
        catch (Exception ex)
        {
            var fault = new WebSocketErrorInfo(
                WebSocketErrorKind.Callback,
                $"ReconnectPolicy.ShouldReconnect threw {ex.GetType().Name}: {ex.Message} The connection to {Url} will not reconnect.",
                ex);
            return new ReconnectDecision(cause, Allowed: false, fault);
        }
    }

    /// <summary>Reports <paramref name="error"/>, moves to Closed with its event, and schedules a reconnect when the policy says so (guarded).</summary>
    private void EndCycleNoLock(ConnectionCycle cycle, WebSocketErrorInfo? error, WebSocketCloseInfo close, string? openFailure, ReconnectDecision decision)
    {
        if (_cycle == cycle)
        {
            _cycle = null;
        }

        Telemetry.Ended(cycle, error, close);

        // As in the seed, a failure while closing is not an error (the close was asked for), except a refusal of
        // something that arrived: nothing received vanishes without an event.
        if (error is not null && (_status != WebSocketStatus.Closing || error.Kind is WebSocketErrorKind.Protocol or WebSocketErrorKind.MessageTooLarge))
        {
            _dispatcher.Enqueue(PendingEvent.ForError(error));
            Log.Error(_logger, cycle.Url, error.Kind, error.Message, error.Exception);
        }

        if (decision.Fault is { } fault)
        {
            _dispatcher.Enqueue(PendingEvent.ForError(fault));
            Log.Error(_logger, Url, fault.Kind, fault.Message, fault.Exception);
        }

        // A connection that was never ready (its connect or a hook failed) is retried only as a reconnect attempt, or as
        // the first connect when the policy says so; each ready connection counts the attempts afresh.
        var nextAttempt = cycle.Ready ? 1 : cycle.Attempt + 1;
        var reconnect = _options.Reconnect is { } policy
            && decision.Allowed
            && !cycle.ClosingByUser
            && !_disposed
            && (cycle.Ready || cycle.Attempt > 0 || policy.RetryFirstConnect)
            && policy.Allows(nextAttempt);
        close = close with { WillReconnect = reconnect };

        SetStatusNoLock(WebSocketStatus.Closed, PendingEvent.ForClosed(close));
        Log.Closed(_logger, Url, close.Status, close.Description, close.ByPeer);
        Listener?.OnCycleEnded(close);
        if (reconnect && cycle.HandOnOpen() is { } waitingOpen)
        {
            _carriedOpen = waitingOpen; // OpenAsync waits for the attempt that follows
        }

        // The tasks of OpenAsync and CloseAsync complete after the handlers of the events above ran.
        // Built once the events before it ran: the OnOpened hooks, which hold the queue, have ended by then, so a hook that
        // failed as the connection ended is the cause the open reports.
        _dispatcher.Enqueue(PendingEvent.After(() =>
        {
            TaskCompletionSource? opened, ended;
            WebSocketConnectException? openFailed;
            lock (_gate)
            {
                (opened, openFailed, ended) = cycle.OnClosedDelivered(OpenFailure(cycle, error, close, openFailure));
            }

            if (opened is not null && openFailed is not null && opened.TrySetException(openFailed))
            {
                _ = opened.Task.Exception; // observed: OpenAsync may never be awaited
            }

            ended?.TrySetResult();
        }));

        if (reconnect)
        {
            ScheduleReconnectNoLock(nextAttempt, decision.Cause!);
        }
    }

    /// <summary>What an <c>OpenAsync</c> waiting for <paramref name="cycle"/> fails with: why it never became ready.</summary>
    private static WebSocketConnectException OpenFailure(ConnectionCycle cycle, WebSocketErrorInfo? error, WebSocketCloseInfo close, string? openFailure)
    {
        if (openFailure is not null)
        {
            return new WebSocketConnectException(openFailure, error?.Exception);
        }

        if (cycle.HookFailure is { } hook)
        {
            var how = cycle.HookError is not null ? "so it was closed" : $"as it ended ({error?.Message.TrimEnd('.') ?? $"it closed: {DescribeClose(close)}"})";
            return new WebSocketConnectException($"The connection to {cycle.Url} opened, but an OnOpened hook failed, {how}: {hook.GetType().Name}: {Describe(hook)}", hook);
        }

        if (cycle.WasOpen)
        {
            var why = error?.Message ?? $"it closed ({DescribeClose(close)})";
            return new WebSocketConnectException($"The connection to {cycle.Url} ended before its OnOpened hooks finished: {why.TrimEnd('.')}.", error?.Exception);
        }

        return new WebSocketConnectException(error?.Message ?? $"The connection to {cycle.Url} closed before it opened.", error?.Exception);
    }

    /// <summary>A close for messages: <c>4009 'Authentication failed.' by the server</c>.</summary>
    private static string DescribeClose(WebSocketCloseInfo close)
    {
        var code = close.Status is { } status ? ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture) : "no close code";
        var reason = string.IsNullOrEmpty(close.Description) ? string.Empty : $" '{close.Description}'";
        return $"{code}{reason} by {(close.ByPeer ? "the server" : "this side")}";
    }

    private static string Describe(Exception exception)
    {
        var message = exception.Message.TrimEnd('.');
        return exception.InnerException is { } inner && !string.IsNullOrEmpty(inner.Message) && inner.Message != exception.Message
            ? $"{message} ({inner.Message.TrimEnd('.')})."
            : message + ".";
    }

    /// <summary>What the reconnect policy's predicate said of an ending: its cause, whether it allows a reconnect, and the error it threw.</summary>
    private readonly record struct ReconnectDecision(ReconnectCause? Cause, bool Allowed, WebSocketErrorInfo? Fault);
}
