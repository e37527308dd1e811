using System.Net.WebSockets;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;
using CpWebSocket.Transport;

namespace CpWebSocket.Tests.Connection;

/// <summary>
/// The Websocket.Client transport itself: the messages travel through the app's client, its own reconnection stays off,
/// and a client built without CpWebSocket's connection factory still keeps the guards it can (text and binary apart, one
/// ordered lane, a refused oversized message once it has arrived, a bounded close).
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class WebsocketClientTransportTests(TestServerFixture fixture)
{
    [Fact]
    public async Task Messages_travel_through_the_apps_client_whose_own_reconnection_stays_off()
    {
        using var transport = new OwnedTransport(new WebsocketClientTransport(connect => new Websocket.Client.WebsocketClient(new Uri("ws://127.0.0.1/"), null, connect)));
        var seenByClient = 0;
        using var subscription = transport.Inner.Client.MessageReceived.Subscribe(new CountingObserver(() => Interlocked.Increment(ref seenByClient)));
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback, new HttpWebSocketOptions { Transport = transport.Inner });

        await socket.OpenAsync();
        socket.Send("one", isData: false).Send("two");
        await events.WaitForAsync(WebSocketEvent.Message, 2);

        Assert.Equal(2, Volatile.Read(ref seenByClient));
        Assert.False(transport.Inner.Client.IsReconnectionEnabled);
        Assert.Null(transport.Inner.Client.ReconnectTimeout);
        Assert.Equal(fixture.Server.WsUri("/echo"), transport.Inner.Client.Url);
    }

    [Fact]
    public async Task A_client_built_without_the_factory_keeps_text_and_binary_apart_and_in_order()
    {
        using var transport = new OwnedTransport(new WebsocketClientTransport(new Websocket.Client.WebsocketClient(fixture.Server.WsUri("/echo"))));
        var events = new EventRecorder();
        var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback, new HttpWebSocketOptions { Transport = transport.Inner });

        await socket.OpenAsync();
        for (var i = 0; i < 200; i++)
        {
            socket.Send(i.ToString(System.Globalization.CultureInfo.InvariantCulture), isData: i % 2 == 0);
        }

        await events.WaitForAsync(WebSocketEvent.Message, 200);
        await socket.CloseAsync().WaitAsync(TestServer.DefaultTimeout);

        var messages = events.Of(WebSocketEvent.Message);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), messages.Select(m => m.Text));
        Assert.Equal(Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? WebSocketMessageKind.Binary : WebSocketMessageKind.Text), messages.Select(m => m.Kind!.Value));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, events.Of(WebSocketEvent.Closed).Single().Close!.Value.Status);
    }

    [Fact]
    public async Task A_client_built_without_the_factory_refuses_an_oversized_message_once_it_arrived_with_1009()
    {
        var tag = Guid.NewGuid().ToString("N");
        using var transport = new OwnedTransport(new WebsocketClientTransport(new Websocket.Client.WebsocketClient(fixture.Server.WsUri("/echo"))));
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(
            fixture.Server.WsUri($"/send?kind=oversized&size={256 * 1024}&tag={tag}"),
            events.Callback,
            new HttpWebSocketOptions { Transport = transport.Inner, MaxMessageSize = 64 * 1024 });

        socket.Open();
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal(WebSocketErrorKind.MessageTooLarge, events.Of(WebSocketEvent.Error).Single().Error!.Kind);
        var server = await fixture.Server.WaitForConnectionAsync("/send", TestServer.DefaultTimeout, tag);
        await server.WaitForCloseReceivedAsync(TestServer.DefaultTimeout);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, server.ClientCloseStatus);
    }

    /// <summary>Disposes the app's client after the test, as an app would.</summary>
    private sealed class OwnedTransport(WebsocketClientTransport inner) : IDisposable
    {
        public WebsocketClientTransport Inner { get; } = inner;

        public void Dispose() => Inner.Client.Dispose();
    }

    private sealed class CountingObserver(Action onNext) : IObserver<Websocket.Client.ResponseMessage>
    {
        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void OnNext(Websocket.Client.ResponseMessage value) => onNext();
    }
}
