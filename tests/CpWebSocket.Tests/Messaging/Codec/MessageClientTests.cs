using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.Codec.Fixtures;
using Xunit;

namespace CpWebSocket.Tests.Messaging.Codec;

public sealed class MessageClientTests
{
    [Fact]
    public void The_client_shows_its_connections_lifecycle()
    {
        using var client = new CodecClient(CodecProtocols.Flat().CreateRouter());

        Assert.Equal(new Uri("ws://127.0.0.1:9/codec"), client.Url);
        Assert.Equal(client.Connection.Url, client.Url);
        Assert.Equal(WebSocketStatus.Closed, client.Status);
        Assert.False(client.IsOpen);
        Assert.Null(client.SubProtocol);
        Assert.Same(client, client.Close());
        Assert.Same(client.Connection.MessageInterceptor!.Target, client);
    }

    [Fact]
    public async Task A_typed_send_while_closed_fails_and_gives_its_buffer_back()
    {
        var protocol = CodecProtocols.Flat();
        var say = protocol.Outbound<Say>("chat.say");
        using var client = new CodecClient(protocol.CreateRouter());
        var spare = protocol.EncodeBuffers.Rent();
        protocol.EncodeBuffers.Return(spare);

        var error = await Assert.ThrowsAsync<WebSocketSendException>(async () => await client.SendTypedAsync(new Say("r", "t"), say));

        Assert.Contains("text message", error.Message, StringComparison.Ordinal);
        Assert.Same(spare, protocol.EncodeBuffers.Rent());
    }

    [Fact]
    public async Task A_typed_send_of_null_fails()
    {
        var protocol = CodecProtocols.Flat();
        using var client = new CodecClient(protocol.CreateRouter());

        await Assert.ThrowsAsync<ArgumentNullException>(async () => await client.SendTypedAsync<Say>(null!, protocol.Outbound<Say>("chat.say")));
    }

    [Fact]
    public async Task A_typed_send_that_cannot_encode_fails_with_the_encoding_error()
    {
        var protocol = CodecProtocols.Flat();
        using var client = new CodecClient(protocol.CreateRouter());

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await client.SendTypedAsync(new Code("x"), protocol.Outbound<Code>("code")));
    }

    [Fact]
    public void Connection_errors_reach_the_clients_error_event()
    {
        using var client = new CodecClient(CodecProtocols.Flat().CreateRouter());

        client.Send("raw text", isData: false);

        Assert.Equal(WebSocketErrorKind.Send, Assert.Single(client.Errors).Kind);
    }

    [Fact]
    public async Task Disposing_cancels_the_token_handed_to_handlers()
    {
        var protocol = CodecProtocols.Flat();
        var gate = new TaskCompletionSource();
        CancellationToken seen = default;
        var client = new CodecClient(protocol.CreateRouter(protocol.Inbound<Ping>("ping", async (_, _, _, ct) =>
        {
            seen = ct;
            await gate.Task.WaitAsync(ct);
        })));

        var handling = client.ReceiveText("""{"type":"ping"}""");
        await client.DisposeAsync();
        await handling;

        Assert.True(seen.IsCancellationRequested);
        Assert.Empty(client.Errors);
        Assert.Throws<ObjectDisposedException>(() => client.Open());
    }
}
