using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Reliability.Faults;

/// <summary>
/// The server goes down and a new one starts on the same port while reconnection is on: the client backs off with
/// jitter (the delays it chose are in its log), opens again with <see cref="WebSocketEvent.Opening"/> and
/// <see cref="WebSocketEvent.Opened"/>, lets an <see cref="HttpWebSocket.Opened"/> handler resubscribe, sends nothing
/// stale, and stops at the bound when the server stays down.
/// </summary>
public abstract class ServerRestartTests(TransportKind transport) : TransportTestBase(transport)
{
    // Attempt n waits min(200 ms × 2^(n-1), 1 s) minus up to half of it: at least 4 s in all before giving up, enough
    // for a new server to start on a loaded machine; at most about 8 s when the server stays down.
    private static readonly ReconnectPolicy Policy = new()
    {
        MaxAttempts = 10,
        InitialDelay = TimeSpan.FromMilliseconds(200),
        MaxDelay = TimeSpan.FromSeconds(1),
        Jitter = 0.5,
    };

    [Fact]
    public async Task A_server_restarted_on_the_same_port_is_reached_again_after_jittered_backoff_and_the_Opened_handler_resubscribes()
    {
        var first = await TestServer.StartAsync();
        var tag = Guid.NewGuid().ToString("N");
        var log = new RecordingLogger();
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(first.WsUri($"/record?tag={tag}"), events.Callback, Options(new HttpWebSocketOptions { Reconnect = Policy, Logger = log }));
        events.Socket = socket;
        socket.Opened += () => socket.Send("subscribe", isData: false);
        await socket.OpenAsync();
        var before = await first.WaitForConnectionAsync("/record", TestServer.DefaultTimeout, tag);
        Assert.Equal(["subscribe"], (await before.WaitForMessagesAsync(1, TestServer.DefaultTimeout)).Select(m => m.Text));

        await first.DisposeAsync();
        await WaitForFailedAttemptsAsync(events, 2);
        socket.Send("stale", isData: false);
        await Assert.ThrowsAsync<WebSocketSendException>(() => socket.SendAsync("stale async", isData: false).AsTask());
        await using var second = await TestServer.StartAsync(port: first.Port);
        await events.WaitForAsync(WebSocketEvent.Opened, 2);
        await socket.SendAsync("fresh", isData: false);

        // The handler on Opened resubscribed first; nothing sent while down reached the new server.
        var after = await second.WaitForConnectionAsync("/record", TestServer.DefaultTimeout, tag);
        await after.WaitForMessagesAsync(2, TestServer.DefaultTimeout);
        Assert.Equal(["subscribe", "fresh"], after.Messages.Select(m => m.Text));
        Assert.Single(second.Events.Connections);

        // Each outage attempt shows as Opening, then Error and Closed (that will reconnect), until one opens.
        var afterLoss = events.Events.Where(e => e.Event != WebSocketEvent.Message).SkipWhile(e => e.Event != WebSocketEvent.Closed).ToArray();
        var failed = afterLoss.Count(e => e.Event == WebSocketEvent.Error && e.Error!.Kind == WebSocketErrorKind.Connect);
        Assert.All(afterLoss.Where(e => e.Event == WebSocketEvent.Closed), closed => Assert.True(closed.Close!.Value.WillReconnect));
        Assert.Equal(WebSocketEvent.Opened, afterLoss[^1].Event);
        Assert.Equal(failed + 1, afterLoss.Count(e => e.Event == WebSocketEvent.Opening));
        Assert.Contains(events.Of(WebSocketEvent.Error), e => e.Error!.Kind == WebSocketErrorKind.Send); // the stale Send
        Assert.True(socket.IsOpen);

        // Exponential backoff with jitter: attempt n waited within [ceiling × (1 − jitter), ceiling], the ceiling doubling.
        var attempts = log.Attempts;
        Assert.Equal(Enumerable.Range(1, failed + 1), attempts.Select(a => a.Attempt));
        Assert.All(attempts, a => AssertWithinBackoff(a.Attempt, a.Delay));
        Assert.Contains(attempts, a => a.Delay < Ceiling(a.Attempt)); // jitter took something off
    }

    [Fact]
    public async Task After_a_reconnect_the_attempts_count_afresh_and_stop_at_the_bound_when_the_server_stays_down()
    {
        var first = await TestServer.StartAsync();
        var log = new RecordingLogger();
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(first.WsUri("/echo"), events.Callback, Options(new HttpWebSocketOptions { Reconnect = Policy, Logger = log }));
        events.Socket = socket;
        await socket.OpenAsync();
        await first.DisposeAsync();
        await WaitForFailedAttemptsAsync(events, 1);
        var second = await TestServer.StartAsync(port: first.Port);
        await events.WaitForAsync(WebSocketEvent.Opened, 2);
        var attemptsToReconnect = log.Attempts.Count;
        var eventsBefore = events.Events.Count;

        await second.DisposeAsync(); // down for good
        await events.WaitUntilAsync(
            e => e.Any(x => x.Event == WebSocketEvent.Closed && !x.Close!.Value.WillReconnect),
            "the Closed event after the last attempt");

        var outage = events.Events.Skip(eventsBefore).ToArray();
        Assert.Equal(Policy.MaxAttempts, outage.Count(e => e.Event == WebSocketEvent.Error && e.Error!.Kind == WebSocketErrorKind.Connect));
        Assert.Equal(Policy.MaxAttempts, outage.Count(e => e.Event == WebSocketEvent.Opening));
        Assert.Equal(Policy.MaxAttempts + 1, outage.Count(e => e.Event == WebSocketEvent.Closed)); // the loss, then each attempt
        Assert.Equal(Enumerable.Range(1, Policy.MaxAttempts), log.Attempts.Skip(attemptsToReconnect).Select(a => a.Attempt));
        Assert.Equal(WebSocketEvent.Closed, events.Kinds[^1]);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.False(socket.IsReconnectPending);
    }

    private static TimeSpan Ceiling(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(Policy.InitialDelay.TotalMilliseconds * Math.Pow(2, attempt - 1), Policy.MaxDelay.TotalMilliseconds));

    private static void AssertWithinBackoff(int attempt, TimeSpan delay)
    {
        var ceiling = Ceiling(attempt);
        Assert.InRange(delay, ceiling * (1 - Policy.Jitter), ceiling);
    }

    private static Task WaitForFailedAttemptsAsync(EventRecorder events, int count) =>
        events.WaitUntilAsync(
            e => e.Count(x => x.Event == WebSocketEvent.Error && x.Error!.Kind == WebSocketErrorKind.Connect) >= count,
            $"{count} failed reconnect attempt(s)");
}

/// <summary><see cref="ServerRestartTests"/> over the default transport.</summary>
public sealed class ServerRestartTestsOverSockets() : ServerRestartTests(TransportKind.Sockets);

/// <summary><see cref="ServerRestartTests"/> over Websocket.Client.</summary>
public sealed class ServerRestartTestsOverWebsocketClient() : ServerRestartTests(TransportKind.WebsocketClient);
