using CpWebSocket.Testing.Tests.Contracts.Chat;
using CpWebSocket.Testing.Tests.Support;

namespace CpWebSocket.Testing.Tests.Peers;

/// <summary>Message streams (<c>ReadAll...Async</c>) fed by the peer, and ended by its close.</summary>
public sealed class StreamTests
{
    [Fact]
    public async Task A_stream_yields_what_the_peer_sends_and_ends_when_it_closes()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();
        var reading = ReadAllAsync(chat);                          // subscribed as its enumeration starts, here

        await peer.SendAsync(new Said("lobby", "bob", "one"));
        await peer.SendAsync(new Said("lobby", "bob", "two"));
        await peer.SendAsync(new Said("lobby", "bob", "three"));
        await peer.CloseAsync();

        Assert.Equal(["one", "two", "three"], await reading.WaitAsync(Captured<object>.Timeout));
    }

    private static async Task<List<string>> ReadAllAsync(ChatClient chat)
    {
        var texts = new List<string>();
        await foreach (var said in chat.ReadAllSaidAsync())
        {
            texts.Add(said.Text);
        }

        return texts;
    }
}
