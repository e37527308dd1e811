using CpWebSocket.Testing.Tests.Contracts.Chat;
using CpWebSocket.Testing.Tests.Contracts.Ticker;

namespace CpWebSocket.Testing.Tests.Peers;

/// <summary>Every wait ends: in time with what was expected, or with a failure that says what was expected and what came.</summary>
public sealed class FailureMessageTests
{
    private static readonly InMemoryServerOptions Brief = new() { WaitTimeout = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task A_receive_that_gets_nothing_fails_after_the_wait_timeout_with_what_was_exchanged()
    {
        await using var server = new InMemoryServer<ChatClient>(Brief);
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();
        await peer.SendAsync(new Said("lobby", "bob", "anyone?"));

        var failure = await Assert.ThrowsAsync<PeerAssertionException>(() => peer.ReceiveAsync<Say>());

        Assert.Equal(
            """
            Peer #1 of ChatClient expected a "chat.say" message (Say), but nothing came within 0.1 s.
            Exchanged on the connection:
              to client: text {"type":"chat.said","room":"lobby","from":"bob","text":"anyone?"}
            """.ReplaceLineEndings("\n"),
            failure.Message);
    }

    [Fact]
    public async Task A_receive_after_the_client_closed_fails_at_once_and_says_so()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();
        await chat.CloseAsync();

        var failure = await Assert.ThrowsAsync<PeerAssertionException>(() => peer.ReceiveAsync<Say>());

        Assert.StartsWith(
            """Peer #1 of ChatClient expected a "chat.say" message (Say), but the client closed the connection (close 1000 NormalClosure).""",
            failure.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_that_does_not_read_as_its_contract_fails_with_the_serializers_words()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await chat.SendAsync("""{"type":"chat.say","room":["lobby"],"text":"hi"}""", isData: false);

        var failure = await Assert.ThrowsAsync<PeerAssertionException>(() => peer.ReceiveAsync<Say>());
        Assert.StartsWith("""Peer #1 of ChatClient: the client's a "chat.say" message does not read as Say: """, failure.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<System.Text.Json.JsonException>(failure.InnerException);
    }

    [Fact]
    public async Task Text_that_is_not_json_fails_a_typed_receive_and_is_there_for_a_frame_receive()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await chat.SendAsync("hello?", isData: false);
        await chat.SendAsync("hello again?", isData: false);

        var failure = await Assert.ThrowsAsync<PeerAssertionException>(() => peer.ReceiveAsync<Say>());
        Assert.Contains("but the client sent text that is not JSON: hello?", failure.Message, StringComparison.Ordinal);
        Assert.Equal("hello again?", (await peer.ReceiveFrameAsync()).GetText());
    }

    [Fact]
    public async Task An_accept_without_a_client_fails_and_asks_whether_the_client_uses_the_servers_transport()
    {
        await using var server = new InMemoryServer<TickerClient>(Brief);
        await using var ticker = new TickerClient(server.Url);   // not given the server's transport: never opened here

        var failure = await Assert.ThrowsAsync<PeerAssertionException>(() => server.AcceptAsync());

        Assert.Equal(
            "The in-memory server of TickerClient expected a client to connect, but none did within 0.1 s (no connection so far). "
            + "Is the client's HttpWebSocketOptions.Transport this server's Transport, and was it opened?",
            failure.Message);
    }

    [Fact]
    public async Task A_type_without_a_message_attribute_is_refused_before_anything_is_sent()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => peer.SendAsync(new Unmarked("x")));

        Assert.StartsWith("Unmarked has no [Message]: the test peer sends and reads contracts by their [Message].", refused.Message, StringComparison.Ordinal);
        Assert.Empty(peer.Exchanged);
    }

    private sealed record Unmarked(string Value);
}
