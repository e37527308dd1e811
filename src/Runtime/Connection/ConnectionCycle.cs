using System.Net.WebSockets;
using CpWebSocket.Diagnostics;
using CpWebSocket.Transport;

namespace CpWebSocket;

/// <summary>
/// One attempt to be connected, from its <c>Opening</c> to its <c>Closed</c> event: its socket, its send lane, its
/// lifetime (cancelled when it ends, which stops its connect and its timers), and the tasks of the <c>OpenAsync</c> and
/// <c>CloseAsync</c> calls that wait for it. A reconnect is a new cycle; nothing of an old one reaches a new one.
/// </summary>
/// <remarks>The fields marked so are guarded by the lock of the <see cref="HttpWebSocket"/> that owns the cycle.</remarks>
internal sealed class ConnectionCycle
{
    private TaskCompletionSource? _opened;
    private TaskCompletionSource? _ended;
    private WebSocketConnectException? _openFailure;
    private bool _openSettled;
    private bool _endDelivered;
    private volatile bool _closingByUser;

    /// <param name="attempt">0 for an <see cref="HttpWebSocket.Open"/>; the reconnect attempt number otherwise.</param>
    /// <param name="url">The connection's address, until an <c>OnConnecting</c> hook chooses another.</param>
    /// <param name="delay">How long the reconnect policy waited before this attempt.</param>
    /// <param name="cause">What ended the connection or attempt before this one, for a reconnect.</param>
    public ConnectionCycle(int attempt, Uri url, TimeSpan delay = default, ReconnectCause? cause = null)
    {
        Attempt = attempt;
        Url = url;
        Delay = delay;
        Cause = cause;
    }

    /// <summary>0 for an <see cref="HttpWebSocket.Open"/>; the reconnect attempt number otherwise.</summary>
    public int Attempt { get; }

    /// <summary>How long the reconnect policy waited before this attempt.</summary>
    public TimeSpan Delay { get; }

    /// <summary>What ended the connection or attempt before this one, for a reconnect.</summary>
    public ReconnectCause? Cause { get; }

    /// <summary>The address this attempt connects to (set once its <c>OnConnecting</c> hooks ran); its messages name it.</summary>
    public Uri Url { get; set; }

    /// <summary>The attempt's connect context, once its connect started.</summary>
    public WebSocketConnectContext? Context { get; set; }

    /// <summary>Set (guarded) once the cycle is ready: open, and its <c>OnOpened</c> hooks ran.</summary>
    public bool Ready { get; set; }

    /// <summary>The failure of an <c>OnOpened</c> hook (guarded): what the open fails with.</summary>
    public Exception? HookFailure { get; set; }

    /// <summary>The error raised for a failed <c>OnOpened</c> hook that closed this cycle (guarded); the cause of a reconnect.</summary>
    public WebSocketErrorInfo? HookError { get; set; }

    /// <summary>
    /// Cancelled when the cycle ends: the connect is abandoned, the close timer stops. Never disposed: work of the cycle
    /// that starts late (a connect, a timer) may still read its token, and it holds no timer of its own.
    /// </summary>
    public CancellationTokenSource Lifetime { get; } = new();

    /// <summary>The frames of this cycle, in order; a close frame takes its turn behind the sends accepted before it.</summary>
    public SendLane Lane { get; } = new();

    /// <summary>The connected socket; <see langword="null"/> until the handshake succeeded.</summary>
    public WebSocket? Socket { get; set; }

    /// <summary>What the transport saw on the wire, when it tells.</summary>
    public TransportSignals? Signals { get; set; }

    /// <summary>Set (guarded) once the status became <see cref="WebSocketStatus.Open"/> for this cycle.</summary>
    public bool WasOpen { get; set; }

    /// <summary>Set (guarded) when the peer's close frame started the close handshake.</summary>
    public bool ClosingByPeer { get; set; }

    /// <summary>Set (guarded) once the cycle is ending: it accepts nothing more, and its Closed event is on its way.</summary>
    public bool Ending { get; set; }

    /// <summary>The close frame of this cycle, once one was queued (guarded).</summary>
    public SendOp? CloseOp { get; set; }

    /// <summary>Whether the close timer was started (guarded).</summary>
    public bool CloseTimerStarted { get; set; }

    /// <summary>Set once <see cref="HttpWebSocket.Close"/> (or dispose) started closing this cycle; read by deliveries without the lock.</summary>
    public bool ClosingByUser
    {
        get => _closingByUser;
        set => _closingByUser = value;
    }

    /// <summary>What the cycle's metrics and connect span remember from its start to its end.</summary>
    public CycleTelemetry Telemetry;

    /// <summary>Set before this side aborts the socket, so the failure that follows is not mistaken for the peer's.</summary>
    public bool AbortRequested { get; set; }

    /// <summary>The task of <c>OpenAsync</c> (guarded): completes once <c>Opened</c> was delivered, or fails after <c>Closed</c>.</summary>
    public Task OpenedTask()
    {
        if (_openSettled)
        {
            return _openFailure is null ? Task.CompletedTask : Task.FromException(_openFailure);
        }

        return (_opened ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
    }

    /// <summary>The task of <c>CloseAsync</c> (guarded): completes once this cycle's <c>Closed</c> event was delivered.</summary>
    public Task EndedTask() => _endDelivered ? Task.CompletedTask : (_ended ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>
    /// The <c>Opened</c> event and its hooks were delivered (guarded); returns what to complete outside the lock. A cycle
    /// that did not become ready (a hook failed, or it ended meanwhile) settles its open when it ends.
    /// </summary>
    public TaskCompletionSource? OnOpenedDelivered()
    {
        if (!Ready)
        {
            return null;
        }

        _openSettled = true;
        return _opened;
    }

    /// <summary>
    /// This cycle ended without becoming ready and another attempt follows (guarded): an <c>OpenAsync</c> still waiting is
    /// handed on to that attempt instead of failing with this one.
    /// </summary>
    public TaskCompletionSource? HandOnOpen()
    {
        if (_openSettled || _opened is null)
        {
            return null;
        }

        var opened = _opened;
        _opened = null;
        _openSettled = true;
        _openFailure = null;
        return opened;
    }

    /// <summary>Takes on the <c>OpenAsync</c> of an earlier attempt that did not become ready (guarded).</summary>
    public void AdoptOpen(TaskCompletionSource opened) => _opened = opened;

    /// <summary>The <c>Closed</c> event was delivered (guarded); returns what to complete outside the lock.</summary>
    public (TaskCompletionSource? Opened, WebSocketConnectException? OpenFailure, TaskCompletionSource? Ended) OnClosedDelivered(WebSocketConnectException openFailure)
    {
        _endDelivered = true;
        if (_openSettled)
        {
            return (null, null, _ended);
        }

        _openSettled = true;
        _openFailure = openFailure;
        return (_opened, openFailure, _ended);
    }
}
