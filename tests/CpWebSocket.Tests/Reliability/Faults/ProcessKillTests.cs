using CpWebSocket.Tests.Interop;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Reliability.Faults;

/// <summary>
/// The server process dies (SIGKILL) while messages flow both ways: the client reports the loss as an
/// <see cref="WebSocketEvent.Error"/> then <see cref="WebSocketEvent.Closed"/>, leaves no faulted task unobserved, and
/// once disposed keeps no timer and raises no event. The server is Node's <c>ws</c> in a child process, so it can be
/// killed for real; the tests run alone so the process-wide timer count is theirs.
/// </summary>
public abstract class ProcessKillTests(TransportKind transport) : TransportTestBase(transport)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Killing_the_server_mid_stream_reports_Error_then_Closed_and_leaves_no_task_timer_or_event_behind()
    {
        using var unobserved = UnobservedTaskExceptions.Start();
        var events = new EventRecorder();
        long timersBefore;
        await using (var peer = await NodePeer.StartAsync())
        {
            timersBefore = await CountTimersAfterAWarmUpAsync(peer);
            var socket = new HttpWebSocket(peer.WsUri("/stream?interval_ms=2"), events.Callback, Options(new HttpWebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(1) }));
            events.Socket = socket;
            await socket.OpenAsync();
            var sending = SendUntilItFailsAsync(socket);
            await events.WaitUntilAsync(
                e => e.Count(x => x.Text?.StartsWith("tick", StringComparison.Ordinal) == true) >= 20
                    && e.Any(x => x.Text?.StartsWith("hello", StringComparison.Ordinal) == true),
                "ticks from the server and echoes of the client's messages");

            await peer.KillAsync();
            await events.WaitForAsync(WebSocketEvent.Closed);
            await sending.WaitAsync(TestServer.DefaultTimeout);

            var afterOpen = events.Events.SkipWhile(e => e.Event != WebSocketEvent.Opened).Skip(1).Where(e => e.Event != WebSocketEvent.Message).ToArray();
            Assert.Equal([WebSocketEvent.Error, WebSocketEvent.Closed], afterOpen.Select(e => e.Event));
            Assert.Equal(WebSocketErrorKind.ConnectionLost, afterOpen[0].Error!.Kind);
            Assert.Contains("was lost", afterOpen[0].Error!.Message, StringComparison.Ordinal);
            Assert.Equal(new WebSocketCloseInfo(null, null, ByPeer: true, WillReconnect: false), afterOpen[1].Close);
            Assert.Equal(WebSocketEvent.Closed, events.Kinds[^1]);
            Assert.Equal(WebSocketStatus.Closed, socket.Status);

            await socket.DisposeAsync();
            await AssertNoEventsForAWhileAsync(events);
        }

        Assert.Empty(await unobserved.CollectAsync());
        await AssertTimersBackToAsync(timersBefore);
    }

    [Fact]
    public async Task Disposing_while_reconnecting_to_a_killed_server_stops_the_attempts_and_leaves_no_timer_behind()
    {
        using var unobserved = UnobservedTaskExceptions.Start();
        var events = new EventRecorder();
        var options = new HttpWebSocketOptions
        {
            KeepAliveInterval = TimeSpan.FromSeconds(1),
            Reconnect = new ReconnectPolicy { MaxAttempts = 1000, InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(200) },
        };
        long timersBefore;
        await using (var peer = await NodePeer.StartAsync())
        {
            timersBefore = await CountTimersAfterAWarmUpAsync(peer);
            var socket = new HttpWebSocket(peer.WsUri("/stream?interval_ms=2"), events.Callback, Options(options));
            events.Socket = socket;
            await socket.OpenAsync();
            await events.WaitUntilAsync(e => e.Count(x => x.Event == WebSocketEvent.Message) >= 10, "ticks from the server");

            await peer.KillAsync();
            await events.WaitUntilAsync(
                e => e.Count(x => x.Event == WebSocketEvent.Error && x.Error!.Kind == WebSocketErrorKind.Connect) >= 2,
                "two failed reconnect attempts");
            await socket.DisposeAsync();

            Assert.Equal(WebSocketStatus.Closed, socket.Status);
            Assert.False(socket.IsReconnectPending);
            Assert.Equal(WebSocketEvent.Closed, events.Kinds[^1]);
            await AssertNoEventsForAWhileAsync(events);
            Assert.Throws<ObjectDisposedException>(() => socket.Open());
        }

        Assert.Empty(await unobserved.CollectAsync());
        await AssertTimersBackToAsync(timersBefore);
    }

    /// <summary>
    /// Opens and closes one connection first, so that what the platform creates once per process (the shared HTTP
    /// handler of the opening handshake and its cleanup timer) is already there, then counts the active timers.
    /// </summary>
    private async Task<long> CountTimersAfterAWarmUpAsync(NodePeer peer)
    {
        await using (var warmUp = new HttpWebSocket(peer.WsUri("/echo"), options: Options()))
        {
            await warmUp.OpenAsync().WaitAsync(TestServer.DefaultTimeout);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(200));
        return Timer.ActiveCount;
    }

    /// <summary>Sends text messages until a send fails because the connection is gone; returns how many were sent.</summary>
    private static Task<int> SendUntilItFailsAsync(HttpWebSocket socket) => Task.Run(async () =>
    {
        var sent = 0;
        try
        {
            while (true)
            {
                await socket.SendAsync($"hello {sent}", isData: false);
                sent++;
                await Task.Delay(2);
            }
        }
        catch (WebSocketSendException)
        {
            return sent;
        }
    });

    private static async Task AssertNoEventsForAWhileAsync(EventRecorder events)
    {
        var count = events.Events.Count;
        await Task.Delay(Quiet);
        Assert.Equal(count, events.Events.Count);
    }

    /// <summary>
    /// Waits until no more timers are active than before the test: a timer of the connection (keep-alive, close
    /// timeout, reconnect delay) still alive keeps the count up. Timers of finished waits may take a moment to go.
    /// </summary>
    private static async Task AssertTimersBackToAsync(long before)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (Timer.ActiveCount > before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(Timer.ActiveCount <= before, $"{Timer.ActiveCount} timers are active after dispose; {before} were before the test.");
    }
}

/// <summary><see cref="ProcessKillTests"/> over the default transport.</summary>
[Collection(IsolatedCollectionDefinition.Name)]
public sealed class ProcessKillTestsOverSockets() : ProcessKillTests(TransportKind.Sockets);

/// <summary><see cref="ProcessKillTests"/> over Websocket.Client.</summary>
[Collection(IsolatedCollectionDefinition.Name)]
public sealed class ProcessKillTestsOverWebsocketClient() : ProcessKillTests(TransportKind.WebsocketClient);
