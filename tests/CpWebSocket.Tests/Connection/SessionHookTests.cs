using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>
/// The session hooks: a connection is ready (its <c>OpenAsync</c> completes) only once its <c>OnOpened</c> hooks ran;
/// messages that arrive meanwhile wait and are delivered afterwards, in order; a hook that throws fails the open with its
/// cause, raises an error and closes, and counts as a failed attempt; no hook's exception reaches the thread pool.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class SessionHookTests(TestServerFixture fixture)
{
    private static readonly TimeSpan Generous = TestServer.DefaultTimeout;

    [Fact]
    public async Task OpenAsync_completes_only_after_the_opened_hooks_ran_and_a_message_that_arrived_meanwhile_is_delivered_after_them()
    {
        var events = new EventRecorder();
        var order = new List<string>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hookStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        events.OnEvent = (_, e) =>
        {
            lock (order)
            {
                order.Add(e.Event.ToString());
            }
        };
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/headers"), events.Callback);
        socket.OnOpened(async ct =>
        {
            hookStarted.SetResult();
            await gate.Task.WaitAsync(ct);
            lock (order)
            {
                order.Add("hook");
            }
        });

        var opening = socket.OpenAsync();
        await hookStarted.Task.WaitAsync(Generous);
        await Task.Delay(100); // /headers sends its message at once: it arrives while the hook waits

        Assert.False(opening.IsCompleted);
        Assert.Empty(events.Of(WebSocketEvent.Message));
        gate.SetResult();
        await opening.WaitAsync(Generous);
        await events.WaitForAsync(WebSocketEvent.Message);

        lock (order)
        {
            Assert.Equal(["Opening", "Opened", "hook", "Message"], order);
        }
    }

    [Fact]
    public async Task A_hook_that_throws_fails_the_open_with_its_cause_raises_an_error_and_closes_and_nothing_escapes()
    {
        using var unobserved = UnobservedTaskExceptions.Start();
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback);
        socket.OnOpened(ct => throw new InvalidOperationException("handshake refused"));

        var error = await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync().WaitAsync(Generous));

        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Contains("an OnOpened hook failed, so it was closed: InvalidOperationException: handshake refused", error.Message, StringComparison.Ordinal);
        await events.WaitForAsync(WebSocketEvent.Closed);
        Assert.Equal(WebSocketErrorKind.OpenedHook, Assert.Single(events.Of(WebSocketEvent.Error)).Error!.Kind);
        Assert.False(events.Of(WebSocketEvent.Closed).Single().Close!.Value.WillReconnect);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.Empty(await unobserved.CollectAsync());
    }

    [Fact]
    public async Task A_failed_hook_counts_as_a_failed_attempt_and_the_reconnect_policy_retries_it()
    {
        var events = new EventRecorder();
        var options = new HttpWebSocketOptions { Reconnect = new ReconnectPolicy { RetryFirstConnect = true, InitialDelay = TimeSpan.FromMilliseconds(10) } };
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback, options);
        var attempts = new List<int>();
        socket.OnOpened((connect, _) =>
        {
            attempts.Add(connect.Attempt);
            return connect.Attempt == 0 ? throw new InvalidOperationException("not yet") : default;
        });

        await socket.OpenAsync().WaitAsync(Generous);

        Assert.Equal([0, 1], attempts);
        Assert.True(socket.IsOpen);
        Assert.True(events.Of(WebSocketEvent.Closed).Single().Close!.Value.WillReconnect);
    }

    [Fact]
    public async Task The_hook_token_ends_with_its_connection_and_a_closed_hook_that_throws_becomes_a_callback_error()
    {
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback);
        var token = CancellationToken.None;
        socket.OnOpened(ct =>
        {
            token = ct;
            return default;
        });
        socket.OnClosed((close, _) => throw new InvalidOperationException("closed hook bug"));
        await socket.OpenAsync().WaitAsync(Generous);
        Assert.False(token.IsCancellationRequested);

        await socket.CloseAsync().WaitAsync(Generous);

        Assert.True(token.IsCancellationRequested);
        await events.WaitForAsync(WebSocketEvent.Error);
        var error = Assert.Single(events.Of(WebSocketEvent.Error)).Error!;
        Assert.Equal(WebSocketErrorKind.Callback, error.Kind);
        Assert.IsType<InvalidOperationException>(error.Exception);
    }
}
