using System.Text;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>Callbacks run in arrival order, one at a time per connection.</summary>
public abstract class CallbackOrderTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    [Fact]
    public async Task Callbacks_run_one_at_a_time_in_arrival_order()
    {
        const int count = 3_000;
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback, Options());
        events.Socket = socket;
        await socket.OpenAsync();

        // Senders on other threads and errors raised from them interleave with receive callbacks.
        var senders = Enumerable.Range(0, 2).Select(t => Task.Run(() =>
        {
            for (var i = t; i < count; i += 2)
            {
                socket.Send(Encoding.UTF8.GetBytes(i.ToString()), isData: false);
            }
        }));
        await Task.WhenAll(senders);
        await events.WaitForAsync(WebSocketEvent.Message, count);

        Assert.False(events.Overlapped);
        var texts = events.Of(WebSocketEvent.Message).Select(m => int.Parse(m.Text!)).ToArray();
        Assert.Equal(count, texts.Length);
        Assert.Equal(texts.Order(), texts.Order().Distinct());
    }

    [Fact]
    public async Task Messages_arrive_in_the_order_the_server_sent_them()
    {
        const int count = 1_000;
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback, Options());
        await socket.OpenAsync();

        for (var i = 0; i < count; i++)
        {
            socket.Send(i.ToString(), isData: false);
        }

        await events.WaitForAsync(WebSocketEvent.Message, count);
        Assert.Equal(Enumerable.Range(0, count).Select(i => i.ToString()), events.Of(WebSocketEvent.Message).Select(m => m.Text));
    }
}

/// <summary><see cref="CallbackOrderTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CallbackOrderTestsOverSockets(TestServerFixture fixture) : CallbackOrderTests(fixture, TransportKind.Sockets);

/// <summary><see cref="CallbackOrderTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class CallbackOrderTestsOverWebsocketClient(TestServerFixture fixture) : CallbackOrderTests(fixture, TransportKind.WebsocketClient);
