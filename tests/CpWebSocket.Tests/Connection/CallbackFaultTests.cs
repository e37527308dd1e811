using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>Guard: a throwing callback becomes an error event; nothing closes or reconnects (Websocket.Client's loop would die and reconnect).</summary>
public abstract class CallbackFaultTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    [Fact]
    public async Task A_throwing_callback_becomes_an_error_and_the_next_message_is_delivered()
    {
        var tag = Guid.NewGuid().ToString("N");
        var events = new EventRecorder();
        events.OnEvent = (_, e) =>
        {
            if (e.Event == WebSocketEvent.Message && e.Text == "first")
            {
                throw new InvalidOperationException("handler bug");
            }
        };
        await using var socket = new HttpWebSocket(fixture.Server.WsUri($"/echo?tag={tag}"), events.Callback, Options());
        events.Socket = socket;
        await socket.OpenAsync();

        socket.Send("first", isData: false);
        socket.Send("second", isData: false);
        await events.WaitForAsync(WebSocketEvent.Message, 2);

        var kinds = events.Kinds.ToList();
        Assert.Equal(2, kinds.Count(k => k == WebSocketEvent.Message));
        Assert.True(kinds.IndexOf(WebSocketEvent.Error) > kinds.IndexOf(WebSocketEvent.Message), string.Join(", ", kinds));
        Assert.Equal(["first", "second"], events.Of(WebSocketEvent.Message).Select(m => m.Text));
        var error = events.Of(WebSocketEvent.Error).Single().Error!;
        Assert.Equal(WebSocketErrorKind.Callback, error.Kind);
        Assert.IsType<InvalidOperationException>(error.Exception);
        Assert.Contains("handler bug", error.Message, StringComparison.Ordinal);
        Assert.True(socket.IsOpen);
        Assert.Single(fixture.Server.Events.Connections, c => c.Tag == tag); // no reconnect
    }

    [Fact]
    public async Task A_throwing_event_handler_becomes_an_error_and_the_connection_stays_open()
    {
        var errors = new List<WebSocketErrorInfo>();
        var received = new List<string>();
        var second = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), options: Options());
        socket.Error += errors.Add;
        socket.MessageReceived += message =>
        {
            var text = message.GetText();
            received.Add(text);
            if (text == "boom")
            {
                throw new FormatException("bad handler");
            }

            second.TrySetResult();
        };
        await socket.OpenAsync();

        socket.Send("boom", isData: false).Send("fine", isData: false);
        await second.Task.WaitAsync(EventRecorder.Timeout);

        Assert.Equal(["boom", "fine"], received);
        Assert.Equal(WebSocketErrorKind.Callback, Assert.Single(errors).Kind);
        Assert.Equal(WebSocketStatus.Open, socket.Status);
    }

    [Fact]
    public async Task A_throwing_error_handler_does_not_loop()
    {
        var errorCalls = 0;
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), options: Options());
        socket.Error += _ =>
        {
            Interlocked.Increment(ref errorCalls);
            throw new InvalidOperationException("error handler bug");
        };

        socket.Send("not open");

        Assert.Equal(1, errorCalls);
        await socket.OpenAsync();
        Assert.True(socket.IsOpen);
    }
}

/// <summary><see cref="CallbackFaultTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CallbackFaultTestsOverSockets(TestServerFixture fixture) : CallbackFaultTests(fixture, TransportKind.Sockets);

/// <summary><see cref="CallbackFaultTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CallbackFaultTestsOverWebsocketClient(TestServerFixture fixture) : CallbackFaultTests(fixture, TransportKind.WebsocketClient);
