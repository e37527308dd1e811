using CpWebSocket.Testing.Tests.Contracts.Chat;
using CpWebSocket.Testing.Tests.Support;

namespace CpWebSocket.Testing.Tests.Peers;

/// <summary>Flat messages with string discriminators, both ways: typed, checked, and laid out as the client lays them out.</summary>
public sealed class FlatContractTests
{
    [Fact]
    public async Task The_peer_receives_what_the_client_sends_typed()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await chat.SendAsync(new Join("lobby", "alice"));
        await chat.SendAsync(new Say("lobby", "hi"));

        Assert.Equal(new Join("lobby", "alice"), await peer.ReceiveAsync<Join>());
        Assert.Equal(new Say("lobby", "hi"), await peer.ReceiveAsync<Say>());
        Assert.Equal("""{"type":"chat.say","room":"lobby","text":"hi"}""", peer.Exchanged[^1].GetText());
    }

    [Fact]
    public async Task What_the_peer_sends_reaches_the_typed_handler_laid_out_flat()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var said = new Captured<Said>();
        chat.SaidReceived += said.Add;
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendAsync(new Said("lobby", "bob", "hey"));

        Assert.Equal(new Said("lobby", "bob", "hey"), await said.NextAsync());
        var sent = Assert.Single(peer.Exchanged);
        Assert.Equal(PeerDirection.ToClient, sent.Direction);
        Assert.Equal("""{"type":"chat.said","room":"lobby","from":"bob","text":"hey"}""", sent.GetText());
    }

    [Fact]
    public async Task A_message_of_another_contract_fails_the_receive_and_says_what_came()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await chat.SendAsync(new Join("lobby", "alice"));

        var failure = await Assert.ThrowsAsync<PeerAssertionException>(() => peer.ReceiveAsync<Say>());
        Assert.StartsWith(
            """Peer #1 of ChatClient expected a "chat.say" message (Say), but the client sent a "chat.join" message: {"type":"chat.join","room":"lobby","user":"alice"}.""",
            failure.Message,
            StringComparison.Ordinal);
        Assert.Contains("""from client: text {"type":"chat.join","room":"lobby","user":"alice"}""", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_message_the_client_does_not_receive_reaches_its_unhandled_event()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var unhandled = new Captured<string>();
        chat.Unhandled += message => unhandled.Add(message.GetText());
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendAsync(new Say("lobby", "an echo"));   // a contract the client sends, not one it receives

        Assert.Equal("""{"type":"chat.say","room":"lobby","text":"an echo"}""", await unhandled.NextAsync());
    }
}
