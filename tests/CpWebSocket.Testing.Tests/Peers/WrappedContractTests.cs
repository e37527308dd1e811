using CpWebSocket.Testing.Tests.Contracts.Ticker;
using CpWebSocket.Testing.Tests.Support;

namespace CpWebSocket.Testing.Tests.Peers;

/// <summary>Wrapped messages: the discriminator beside a payload property, both ways.</summary>
public sealed class WrappedContractTests
{
    [Fact]
    public async Task A_wrapped_message_is_read_from_its_payload()
    {
        await using var server = new InMemoryServer<TickerClient>();
        await using var ticker = new TickerClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await ticker.OpenAsync();
        var peer = await server.AcceptAsync();

        await ticker.SendAsync(new Subscribe("ACME", 10));

        Assert.Equal(new Subscribe("ACME", 10), await peer.ReceiveAsync<Subscribe>());
        Assert.Equal("""{"event":"subscribe","data":{"symbol":"ACME","depth":10}}""", peer.Exchanged[^1].GetText());
    }

    [Fact]
    public async Task A_wrapped_message_is_sent_in_its_payload_and_one_without_members_as_an_empty_object()
    {
        await using var server = new InMemoryServer<TickerClient>();
        await using var ticker = new TickerClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var quotes = new Captured<Quote>();
        var halts = new Captured<Halted>();
        ticker.QuoteReceived += quotes.Add;
        ticker.HaltedReceived += halts.Add;
        await ticker.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendAsync(new Quote("ACME", 10.5m, 10.75m));
        await peer.SendAsync(new Halted());

        Assert.Equal(new Quote("ACME", 10.5m, 10.75m), await quotes.NextAsync());
        Assert.Equal(new Halted(), await halts.NextAsync());
        Assert.Equal(
            ["""{"event":"quote","data":{"symbol":"ACME","bid":10.5,"ask":10.75}}""", """{"event":"halted","data":{}}"""],
            peer.Exchanged.Select(frame => frame.GetText()));
    }
}
