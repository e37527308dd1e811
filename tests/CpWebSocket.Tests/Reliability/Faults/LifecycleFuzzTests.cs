using System.Collections.Concurrent;
using System.Globalization;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Reliability.Faults;

/// <summary>
/// Drives connections the way busy apps do, from a fixed seed: several threads per connection call Open, OpenAsync,
/// Close, CloseAsync, Send and SendAsync in random order, a Closed handler reopens, an Opened handler sends, and the
/// server misbehaves (stalls, resets, half-closes, closes first, never answers a close, answers late through a delayed
/// route). Then it checks what must hold under any interleaving: events never overlap and follow the state machine
/// (one Closed per cycle, last of its cycle), every await ends, every send ends once (written or reported, never both),
/// no task exception goes unobserved, and nothing is raised after dispose. Runs alone for the unobserved exceptions.
/// </summary>
/// <remarks>
/// The seed is printed by every failure; <c>CPWS_LIFECYCLE_SEED=N</c> runs that seed again (thread timing still varies,
/// the choices do not).
/// </remarks>
public abstract class LifecycleFuzzTests : TransportTestBase, IClassFixture<TestServerFixture>
{
    private const int Connections = 12;
    private const int ThreadsPerConnection = 3;
    private const int OperationsPerThread = 40;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static readonly string[] Paths =
    [
        "/echo",
        "/silent-close",
        "/close?code=4001&reason=first&after=3",
        "/close?code=1001&delay_ms=150",
        "/drop?after=6",
        "/stream?interval_ms=3",
    ];

    private readonly TestServer _server;

    protected LifecycleFuzzTests(TestServerFixture fixture, TransportKind transport)
        : base(transport) => _server = fixture.Server;

    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        if (int.TryParse(Environment.GetEnvironmentVariable("CPWS_LIFECYCLE_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var chosen))
        {
            seeds.Add(chosen);
        }
        else
        {
            seeds.Add(20261130);
            seeds.Add(4099);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Random_interleavings_keep_every_lifecycle_guarantee(int seed)
    {
        using var unobserved = UnobservedTaskExceptions.Start();
        var runs = await Task.WhenAll(Enumerable.Range(0, Connections).Select(index => RunConnectionAsync(seed, index)));

        var failures = runs.SelectMany(run => run.Failures.Select(failure => $"{Transport}, connection {run.Index} ({run.Path}): {failure}")).ToList();
        failures.AddRange((await unobserved.CollectAsync()).Select(exception => $"unobserved task exception: {exception}"));
        Assert.True(failures.Count == 0, $"seed {seed}:\n{string.Join("\n", failures.Take(20))}");
        Assert.True(runs.Sum(run => run.Opened) > Connections, $"seed {seed}: too few connections opened to have tested anything");
    }

    private async Task<ConnectionRun> RunConnectionAsync(int seed, int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var path = Paths[random.Next(Paths.Length)];
        var tag = $"fuzz-{seed}-{index}";
        var run = new ConnectionRun(index, path);
        await using var proxy = new LoopbackProxy(_server.Port) { Delay = random.Next(4) == 0 ? TimeSpan.FromMilliseconds(random.Next(1, 15)) : TimeSpan.Zero };
        var options = new HttpWebSocketOptions
        {
            CloseTimeout = TimeSpan.FromMilliseconds(random.Next(200, 800)),
            ConnectTimeout = TimeSpan.FromSeconds(3),
            KeepAliveInterval = random.Next(3) == 0 ? TimeSpan.FromMilliseconds(100) : TimeSpan.Zero,
            KeepAliveTimeout = TimeSpan.FromMilliseconds(600),
            Reconnect = random.Next(3) == 0 ? new ReconnectPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(40) } : null,
        };
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        var events = new EventRecorder();
        var socket = new HttpWebSocket(proxy.Through(_server.WsUri($"{path}{separator}tag={tag}")), events.Callback, Options(options));
        events.Socket = socket;

        var reopen = random.Next(2) == 0;
        var handlerRandom = new Random(HashCode.Combine(seed, index, "handlers"));
        events.OnEvent = (s, e) =>
        {
            int roll;
            lock (handlerRandom)
            {
                roll = handlerRandom.Next(10);
            }

            try
            {
                if (e.Event == WebSocketEvent.Closed && reopen && roll < 4)
                {
                    s!.Open(); // reentrant: a Closed handler that reopens
                }
                else if (e.Event == WebSocketEvent.Opened && roll < 5)
                {
                    s!.Send(run.NextPayload(), isData: false);
                }
            }
            catch (ObjectDisposedException)
            {
                // Disposed meanwhile: refused, as it must be.
            }
        };

        using var stop = new CancellationTokenSource();
        var faults = InjectFaultsAsync(proxy, new Random(HashCode.Combine(seed, index, "faults")), stop.Token);
        var threads = Enumerable.Range(0, ThreadsPerConnection)
            .Select(thread => Task.Run(() => DriveAsync(socket, run, new Random(HashCode.Combine(seed, index, thread)))))
            .ToArray();

        await run.Bounded(Task.WhenAll(threads), "the driving threads");
        await run.Bounded(socket.DisposeAsync().AsTask(), "DisposeAsync");
        var raised = events.Events.Count;
        await stop.CancelAsync();
        await faults;
        await Task.Delay(TimeSpan.FromMilliseconds(300));

        if (events.Events.Count != raised)
        {
            run.Fail($"{events.Events.Count - raised} event(s) after DisposeAsync completed: {string.Join(", ", events.Events.Skip(raised))}");
        }

        if (socket.Status != WebSocketStatus.Closed || socket.IsOpen)
        {
            run.Fail($"status {socket.Status} (IsOpen {socket.IsOpen}) after DisposeAsync");
        }

        if (events.Overlapped)
        {
            run.Fail("two callbacks ran at the same time");
        }

        run.Events = events.Events;
        CheckStateMachine(events.Events, run);
        await CheckSendsAsync(tag, run);
        return run;
    }

    /// <summary>One thread's random calls; every await is bounded and every exception must be one the API documents.</summary>
    private static async Task DriveAsync(HttpWebSocket socket, ConnectionRun run, Random random)
    {
        for (var i = 0; i < OperationsPerThread; i++)
        {
            try
            {
                switch (random.Next(12))
                {
                    case 0 or 1:
                        socket.Open();
                        break;
                    case 2:
                        await run.Bounded(IgnoreAsync(socket.OpenAsync(), typeof(WebSocketConnectException), typeof(InvalidOperationException)), "OpenAsync");
                        break;
                    case 3:
                        socket.Close();
                        break;
                    case 4:
                        await run.Bounded(socket.CloseAsync(), "CloseAsync");
                        break;
                    case 5 or 6 or 7:
                        socket.Send(run.NextPayload(), isData: random.Next(2) == 0);
                        break;
                    default:
                        var (payload, id) = run.NextAwaitedPayload();
                        try
                        {
                            await run.Bounded(socket.SendAsync(payload, isData: false).AsTask(), "SendAsync");
                            run.Accepted(id);
                        }
                        catch (WebSocketSendException)
                        {
                            run.Refused(id);
                        }

                        break;
                }
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (Exception ex) when (ex is not TimeoutException)
            {
                run.Fail($"{ex.GetType().Name} escaped a call: {ex.Message}");
            }

            await Task.Delay(random.Next(0, 6));
        }
    }

    private static async Task IgnoreAsync(Task task, params Type[] expected)
    {
        try
        {
            await task;
        }
        catch (Exception ex) when (expected.Contains(ex.GetType()))
        {
            // Documented outcomes of the call.
        }
    }

    /// <summary>The server's misbehaviour, applied to the route of whichever connection is current.</summary>
    private static async Task InjectFaultsAsync(LoopbackProxy proxy, Random random, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(random.Next(20, 120), stop);
                if (proxy.Links is not [.., var link])
                {
                    continue;
                }

                switch (random.Next(8))
                {
                    case 0:
                        link.Reset();
                        break;
                    case 1:
                        await link.HalfCloseAsync();
                        break;
                    case 2:
                        await StallAsync(link, ProxyDirection.Both, TimeSpan.FromMilliseconds(random.Next(50, 400)), stop);
                        break;
                    case 3:
                        await StallAsync(link, ProxyDirection.ToServer, TimeSpan.FromMilliseconds(random.Next(50, 300)), stop);
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }

    /// <summary>Stalls a route for a while: the peer stops answering, then answers late.</summary>
    private static async Task StallAsync(ProxyLink link, ProxyDirection directions, TimeSpan duration, CancellationToken stop)
    {
        link.Stall(directions);
        try
        {
            await Task.Delay(duration, stop);
        }
        finally
        {
            link.Resume(directions);
        }
    }

    /// <summary>
    /// The events follow the state machine: Opening, then Opened or not, maybe Closing, then one Closed, the last event of
    /// its cycle; messages only while open; failures of a cycle inside it. A Closed that promised a reconnect may be
    /// followed by a final Closed (the pending reconnect was cancelled) instead of the next Opening.
    /// </summary>
    private static void CheckStateMachine(IReadOnlyList<RecordedEvent> events, ConnectionRun run)
    {
        var state = WebSocketStatus.Closed;
        var reconnectPromised = false;
        foreach (var (e, position) in events.Select((e, position) => (e, position)))
        {
            var valid = e.Event switch
            {
                WebSocketEvent.Opening => state == WebSocketStatus.Closed,
                WebSocketEvent.Opened => state == WebSocketStatus.Opening,
                WebSocketEvent.Closing => state == WebSocketStatus.Open,
                WebSocketEvent.Closed => state != WebSocketStatus.Closed || (reconnectPromised && !e.Close!.Value.WillReconnect),
                WebSocketEvent.Message => state == WebSocketStatus.Open,
                _ => state != WebSocketStatus.Closed || !IsCycleFailure(e.Error!),
            };

            if (!valid)
            {
                run.Fail($"event {position} ({e}) in state {state}: {string.Join(", ", events.Skip(Math.Max(0, position - 6)).Take(8))}");
                return;
            }

            reconnectPromised = e.Event switch
            {
                WebSocketEvent.Closed => e.Close!.Value.WillReconnect,
                WebSocketEvent.Opening => false,
                _ => reconnectPromised,
            };
            state = e.Event switch
            {
                WebSocketEvent.Opening => WebSocketStatus.Opening,
                WebSocketEvent.Opened => WebSocketStatus.Open,
                WebSocketEvent.Closing => WebSocketStatus.Closing,
                WebSocketEvent.Closed => WebSocketStatus.Closed,
                _ => state,
            };
            if (e.Event == WebSocketEvent.Opened)
            {
                run.Opened++;
            }
        }
    }

    /// <summary>A failure that belongs to a cycle, so it must come before that cycle's Closed.</summary>
    private static bool IsCycleFailure(WebSocketErrorInfo error) =>
        error.Kind is WebSocketErrorKind.Connect or WebSocketErrorKind.ConnectionLost or WebSocketErrorKind.Protocol or WebSocketErrorKind.MessageTooLarge or WebSocketErrorKind.MessageWhileNotOpen
        || (error.Kind == WebSocketErrorKind.Send && !error.Message.Contains("the status is", StringComparison.Ordinal));

    /// <summary>An awaited send that failed never reached the server, and one the server got was never reported as failed.</summary>
    private async Task CheckSendsAsync(string tag, ConnectionRun run)
    {
        var received = new HashSet<string>(StringComparer.Ordinal);
        foreach (var connection in _server.Events.Connections.Where(c => c.Tag == tag))
        {
            if (await Task.WhenAny(connection.Completion, Task.Delay(Bound)) != connection.Completion)
            {
                run.Fail($"the server's end of a connection did not end within {Bound.TotalSeconds:0} s after dispose: {connection}; the client's events: {string.Join(", ", run.Events)}");
                continue;
            }

            foreach (var message in connection.Messages)
            {
                received.Add(message.Text);
            }
        }

        foreach (var id in run.RefusedIds.Where(received.Contains))
        {
            run.Fail($"'{id}' reached the server although its SendAsync failed");
        }

        if (run.Pending > 0)
        {
            run.Fail($"{run.Pending} SendAsync call(s) never ended");
        }
    }

    /// <summary>What one connection's run observed.</summary>
    private sealed class ConnectionRun(int index, string path)
    {
        private readonly ConcurrentQueue<string> _failures = new();
        private readonly ConcurrentBag<string> _refused = [];
        private int _sequence;
        private int _pending;

        public int Index { get; } = index;

        public string Path { get; } = path;

        public int Opened { get; set; }

        public IReadOnlyList<RecordedEvent> Events { get; set; } = [];

        public IEnumerable<string> Failures => _failures;

        public IEnumerable<string> RefusedIds => _refused;

        public int Pending => Volatile.Read(ref _pending);

        public void Fail(string failure) => _failures.Enqueue(failure);

        public string NextPayload() => $"c{Index}-s{Interlocked.Increment(ref _sequence)}";

        public (string Payload, string Id) NextAwaitedPayload()
        {
            Interlocked.Increment(ref _pending);
            var id = $"c{Index}-a{Interlocked.Increment(ref _sequence)}";
            return (id, id);
        }

        public void Accepted(string id) => Interlocked.Decrement(ref _pending);

        public void Refused(string id)
        {
            Interlocked.Decrement(ref _pending);
            _refused.Add(id);
        }

        /// <summary>Awaits <paramref name="task"/>, failing the run (not the thread) when it does not end in time.</summary>
        public async Task Bounded(Task task, string what)
        {
            try
            {
                await task.WaitAsync(Bound);
            }
            catch (TimeoutException)
            {
                Fail($"{what} did not end within {Bound.TotalSeconds:0} s");
                throw;
            }
        }
    }
}

/// <summary><see cref="LifecycleFuzzTests"/> over the default transport.</summary>
[Collection(IsolatedCollectionDefinition.Name)]
public sealed class LifecycleFuzzTestsOverSockets(TestServerFixture fixture) : LifecycleFuzzTests(fixture, TransportKind.Sockets);

/// <summary><see cref="LifecycleFuzzTests"/> over Websocket.Client.</summary>
[Collection(IsolatedCollectionDefinition.Name)]
public sealed class LifecycleFuzzTestsOverWebsocketClient(TestServerFixture fixture) : LifecycleFuzzTests(fixture, TransportKind.WebsocketClient);
