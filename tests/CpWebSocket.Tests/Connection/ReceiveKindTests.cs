using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>Guard: received text and binary stay apart, with exact bytes (Websocket.Client reports all as binary with text conversion off).</summary>
public abstract class ReceiveKindTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    [Fact]
    public async Task Received_text_and_binary_keep_their_frame_type_and_exact_bytes()
    {
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback, Options());
        await socket.OpenAsync();
        var binary = new byte[] { 0, 1, 2, 0xFF, 0xC3, 0x28 };

        socket.Send("text é", isData: false);
        socket.Send(binary);
        socket.Send("more text", isData: false);
        await events.WaitForAsync(WebSocketEvent.Message, 3);

        var messages = events.Of(WebSocketEvent.Message);
        Assert.Equal([WebSocketMessageKind.Text, WebSocketMessageKind.Binary, WebSocketMessageKind.Text], messages.Select(m => m.Kind!.Value));
        Assert.Equal("text é", messages[0].Text);
        Assert.Equal(binary, messages[1].Data);
        Assert.Equal("more text", messages[2].Text);
    }

    [Fact]
    public async Task The_message_event_carries_kind_and_bytes_without_a_string()
    {
        var kinds = new List<WebSocketMessageKind>();
        var bytes = new List<byte[]>();
        var two = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), options: Options());
        socket.MessageReceived += message =>
        {
            kinds.Add(message.Kind);
            bytes.Add(message.Data.ToArray());
            if (kinds.Count == 2)
            {
                two.TrySetResult();
            }
        };
        await socket.OpenAsync();

        await socket.SendAsync(new byte[] { 7, 8, 9 });
        await socket.SendAsync("{}", isData: false);
        await two.Task.WaitAsync(EventRecorder.Timeout);

        Assert.Equal([WebSocketMessageKind.Binary, WebSocketMessageKind.Text], kinds);
        Assert.Equal(new byte[] { 7, 8, 9 }, bytes[0]);
        Assert.Equal("{}"u8.ToArray(), bytes[1]);
    }

    [Fact]
    public async Task A_text_frame_with_invalid_utf8_is_a_protocol_error_that_closes_with_1007()
    {
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/send?kind=invalid-utf8"), events.Callback, Options());

        socket.Open(); // the server sends at once: the protocol error may come before OpenAsync could return
        await events.WaitForAsync(WebSocketEvent.Closed);

        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Error, WebSocketEvent.Closed], events.Kinds);
        Assert.Equal(WebSocketErrorKind.Protocol, events.Of(WebSocketEvent.Error).Single().Error!.Kind);
    }
}

/// <summary><see cref="ReceiveKindTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ReceiveKindTestsOverSockets(TestServerFixture fixture) : ReceiveKindTests(fixture, TransportKind.Sockets);

/// <summary><see cref="ReceiveKindTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ReceiveKindTestsOverWebsocketClient(TestServerFixture fixture) : ReceiveKindTests(fixture, TransportKind.WebsocketClient);
