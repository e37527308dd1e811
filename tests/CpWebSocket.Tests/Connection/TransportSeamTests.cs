using System.Net.WebSockets;
using System.Text;
using CpWebSocket.Testing.Transport;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>
/// The lifecycle needs nothing of a network: over the in-memory transport of CpWebSocket.Testing (websockets on pipes) it opens, keeps text and
/// binary apart, enforces the size limit itself, and runs the close handshake; and the arrival hook sees every message as
/// it arrives, even while a handler holds the one before.
/// </summary>
public sealed class TransportSeamTests
{
    [Fact]
    public async Task The_lifecycle_runs_over_an_in_memory_transport()
    {
        var transport = new InMemoryTransport(connection => InMemoryEcho.RunAsync(connection.Socket));
        var events = new EventRecorder();
        var options = new HttpWebSocketOptions { Transport = transport };
        options.RequestHeaders["Authorization"] = "Bearer in-memory";
        var socket = new HttpWebSocket(new Uri("ws://in-memory/echo"), events.Callback, options);

        await socket.OpenAsync();
        socket.Send("text", isData: false);
        socket.Send(new byte[] { 1, 2, 3 });
        await events.WaitForAsync(WebSocketEvent.Message, 2);
        await socket.CloseAsync();
        await transport.Completion.WaitAsync(EventRecorder.Timeout);

        Assert.Equal(
            [WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Message, WebSocketEvent.Message, WebSocketEvent.Closing, WebSocketEvent.Closed],
            events.Kinds);
        Assert.Equal([WebSocketMessageKind.Text, WebSocketMessageKind.Binary], events.Of(WebSocketEvent.Message).Select(m => m.Kind!.Value));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, events.Of(WebSocketEvent.Closed).Single().Close!.Value.Status);
        var attempt = Assert.Single(transport.Connections).Context;
        Assert.Equal("Bearer in-memory", attempt.RequestHeaders["Authorization"]);
        Assert.Equal(0, attempt.Attempt);
    }

    [Fact]
    public async Task The_lifecycle_refuses_an_oversized_message_itself_when_the_transport_does_not()
    {
        int? closeStatus = null;
        var transport = new InMemoryTransport(async connection =>
        {
            var server = connection.Socket;
            await server.SendAsync(new byte[10_000], WebSocketMessageType.Binary, endOfMessage: true, CancellationToken.None);
            var result = await server.ReceiveAsync(new byte[256], CancellationToken.None);
            closeStatus = result.MessageType == WebSocketMessageType.Close ? (int?)server.CloseStatus : null;
            await server.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        });
        var events = new EventRecorder();
        var socket = new HttpWebSocket(new Uri("ws://in-memory/"), events.Callback, new HttpWebSocketOptions { Transport = transport, MaxMessageSize = 4096 });

        socket.Open();
        await events.WaitForAsync(WebSocketEvent.Closed);
        await transport.Completion.WaitAsync(EventRecorder.Timeout);

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Error, WebSocketEvent.Closed], events.Kinds);
        Assert.Equal(WebSocketErrorKind.MessageTooLarge, events.Of(WebSocketEvent.Error).Single().Error!.Kind);
        Assert.Equal(1009, closeStatus);
    }

    [Fact]
    public async Task The_arrival_hook_sees_each_message_as_it_arrives_and_a_message_it_takes_stays_on_the_raw_lane_only()
    {
        var transport = new InMemoryTransport(async connection =>
        {
            var server = connection.Socket;
            for (var i = 1; i <= 5; i++)
            {
                await server.SendAsync(Encoding.UTF8.GetBytes($"m{i}"), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
            }

            await InMemoryEcho.RunAsync(server);
        });
        var socket = new HttpWebSocket(new Uri("ws://in-memory/"), options: new HttpWebSocketOptions { Transport = transport });
        var arrived = new List<string>();
        var allArrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var raw = new List<string>();
        var routed = new List<string>();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        socket.Listener = new ArrivalListener(message =>
        {
            var text = message.GetText();
            lock (arrived)
            {
                arrived.Add(text);
                if (arrived.Count == 5)
                {
                    allArrived.TrySetResult();
                }
            }

            return text == "m3"; // taken by the typed layer
        });
        socket.MessageReceived += message => raw.Add(message.GetText());
        socket.MessageInterceptor = async message =>
        {
            routed.Add(message.GetText());
            if (message.GetText() == "m1")
            {
                await gate.Task; // the first handler holds every later delivery
            }
        };

        await socket.OpenAsync();
        await allArrived.Task.WaitAsync(EventRecorder.Timeout);

        Assert.Equal(["m1"], raw); // the others wait behind the handler, but have all arrived
        gate.SetResult();
        while (raw.Count < 5)
        {
            await Task.Delay(10);
        }

        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], arrived);
        Assert.Equal(["m1", "m2", "m3", "m4", "m5"], raw);
        Assert.Equal(["m1", "m2", "m4", "m5"], routed);
        await socket.DisposeAsync();
    }

    /// <summary>A listener that only looks at arrivals.</summary>
    private sealed class ArrivalListener(Func<WebSocketMessage, bool> onArrival) : IConnectionListener
    {
        public void OnCycleOpened()
        {
        }

        public bool OnArrival(in WebSocketMessage message) => onArrival(message);

        public void OnCycleReady()
        {
        }

        public void OnCycleEnded(WebSocketCloseInfo close)
        {
        }
    }
}
