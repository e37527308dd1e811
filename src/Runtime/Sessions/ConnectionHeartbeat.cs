namespace CpWebSocket;

/// <summary>
/// Work repeated at an interval for as long as one connection lasts, such as a protocol's heartbeat: started with
/// <see cref="HttpWebSocket.StartHeartbeat"/> (often from the handler of the message that gives the interval), stopped
/// when that connection ends, and started again by the same handler on the next connection. <see cref="BeatNow"/> runs a
/// beat at once (a server that asks for one) and starts the interval again from there.
/// </summary>
/// <remarks>
/// Beats never overlap: the next interval starts when a beat has finished. A beat's token is cancelled when the
/// connection ends or the heartbeat is stopped. A beat that throws is reported as an <see cref="WebSocketErrorKind.Callback"/>
/// error and the heartbeat goes on; nothing is raised once the connection has ended.
/// </remarks>
/// <example>
/// <code language="csharp">
/// ConnectionHeartbeat? heartbeat = null;
/// discord.OnHello((hello, ct) =>
/// {
///     heartbeat = discord.StartHeartbeat(TimeSpan.FromMilliseconds(hello.HeartbeatInterval), ct => discord.SendAsync(new Heartbeat(lastSequence), ct));
///     return default;
/// });
/// discord.OnHeartbeat((_, ct) => { heartbeat?.BeatNow(); return default; });   // the server asks for one now
/// </code>
/// </example>
public sealed class ConnectionHeartbeat : IDisposable
{
    private readonly object _gate = new();
    private readonly Func<CancellationToken, ValueTask> _beat;
    private readonly Action<Exception> _onFault;
    private readonly CancellationTokenSource _stop;
    private TaskCompletionSource? _wake;
    private bool _beatRequested;
    private bool _ended;

    internal ConnectionHeartbeat(TimeSpan interval, Func<CancellationToken, ValueTask> beat, Action<Exception> onFault, CancellationToken connectionLifetime)
    {
        Interval = interval;
        _beat = beat;
        _onFault = onFault;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(connectionLifetime);
    }

    /// <summary>The time between the end of one beat and the start of the next.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Whether beats still come: <see langword="false"/> once the connection ended or the heartbeat was stopped.</summary>
    public bool IsRunning => !_stop.IsCancellationRequested;

    /// <summary>Runs a beat as soon as possible (right after the one under way, if any) and starts the interval again after it.</summary>
    public void BeatNow()
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            wake = _wake;
            if (wake is null)
            {
                _beatRequested = true; // a beat is running: another one follows it at once
            }
        }

        wake?.TrySetResult(); // its continuation runs on the thread pool, never on the caller's thread
    }

    /// <summary>Stops the heartbeat: no beat starts after this call, and a beat under way sees its token cancelled.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }
        }

        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The loop ended and let go of it meanwhile.
        }
    }

    /// <summary>Starts the loop; it ends when the connection ends or the heartbeat is stopped.</summary>
    internal void Start() => _ = RunAsync();

    private async Task RunAsync()
    {
        var stopping = _stop.Token;
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                await WaitForNextBeatAsync(stopping).ConfigureAwait(false);
                if (stopping.IsCancellationRequested)
                {
                    break;
                }

                try
                {
                    await _beat(stopping).ConfigureAwait(false);
                }
                catch (Exception ex) when (!stopping.IsCancellationRequested)
                {
                    _onFault(ex);
                }
                catch (Exception)
                {
                    // The connection ended or the heartbeat stopped during the beat: that is why it failed.
                }
            }
        }
        finally
        {
            lock (_gate)
            {
                _ended = true;
                _wake = null;
            }

            _stop.Dispose();
        }
    }

    /// <summary>Waits for the interval, or for <see cref="BeatNow"/>, or for the end.</summary>
    private async Task WaitForNextBeatAsync(CancellationToken stopping)
    {
        var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _wake = wake;
            if (_beatRequested)
            {
                _beatRequested = false;
                wake.TrySetResult();
            }
        }

        using (var waiting = CancellationTokenSource.CreateLinkedTokenSource(stopping))
        {
            var delay = Task.Delay(Interval, waiting.Token);
            await Task.WhenAny(delay, wake.Task).ConfigureAwait(false);
            await waiting.CancelAsync().ConfigureAwait(false); // frees the delay's timer when a beat was asked for first
        }

        lock (_gate)
        {
            _wake = null;
        }
    }
}
