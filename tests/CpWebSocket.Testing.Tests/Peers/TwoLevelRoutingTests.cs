using System.Text.Json.Nodes;
using CpWebSocket.Testing.Tests.Contracts.JsonRpc;
using CpWebSocket.Testing.Tests.Contracts.Obs;
using CpWebSocket.Testing.Tests.Support;

namespace CpWebSocket.Testing.Tests.Peers;

/// <summary>
/// Second-level routing: a second value and a payload at paths of their own (OBS's events inside "d", JSON-RPC's
/// notifications by channel, a pattern among them), both ways.
/// </summary>
public sealed class TwoLevelRoutingTests
{
    [Fact]
    public async Task An_event_is_sent_with_its_second_value_and_payload_at_their_paths()
    {
        await using var server = new InMemoryServer<ObsClient>();
        await using var obs = new ObsClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var scenes = new Captured<SceneChanged>();
        var exits = new Captured<ExitStarted>();
        obs.SceneChangedReceived += scenes.Add;
        obs.ExitStartedReceived += exits.Add;
        await obs.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendAsync(new SceneChanged("Live"));
        await peer.SendAsync(new ExitStarted());

        Assert.Equal(new SceneChanged("Live"), await scenes.NextAsync());
        Assert.Equal(new ExitStarted(), await exits.NextAsync());
        Assert.Equal(
            [
                """{"op":5,"d":{"eventType":"CurrentProgramSceneChanged","eventData":{"sceneName":"Live"}}}""",
                """{"op":5,"d":{"eventType":"ExitStarted","eventData":{}}}""",
            ],
            peer.Exchanged.Select(frame => frame.GetText()));
    }

    [Fact]
    public async Task A_second_value_the_client_does_not_know_reaches_unhandled_with_both_values()
    {
        await using var server = new InMemoryServer<ObsClient>();
        await using var obs = new ObsClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var unhandled = new Captured<(string First, string? Second)>();
        obs.Unhandled += message => unhandled.Add((message.Discriminator.ToString(), message.SecondDiscriminator?.ToString()));
        await obs.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendAsync(new SceneChanged("Live"), new PeerSendOptions { SecondDiscriminator = "StudioModeStateChanged" });

        Assert.Equal(("5", "StudioModeStateChanged"), await unhandled.NextAsync());
    }

    [Fact]
    public async Task A_contract_received_by_a_pattern_is_sent_with_the_value_the_test_gives()
    {
        await using var server = new InMemoryServer<DeribitClient>();
        await using var deribit = new DeribitClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var tickers = new Captured<Ticker>();
        var books = new Captured<BitcoinBook>();
        deribit.TickerReceived += tickers.Add;
        deribit.BitcoinBookReceived += books.Add;
        await deribit.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendAsync(new Ticker("BTC-PERPETUAL", 65000.5), new PeerSendOptions { SecondDiscriminator = "ticker.BTC-PERPETUAL.100ms" });
        await peer.SendAsync(new BitcoinBook(7));

        Assert.Equal(new Ticker("BTC-PERPETUAL", 65000.5), await tickers.NextAsync());
        Assert.Equal(new BitcoinBook(7), await books.NextAsync());
        Assert.Equal(
            """{"jsonrpc":"2.0","method":"subscription","params":{"channel":"ticker.BTC-PERPETUAL.100ms","data":{"instrument_name":"BTC-PERPETUAL","last_price":65000.5}}}""",
            peer.Exchanged[0].GetText());
    }

    [Fact]
    public async Task A_pattern_without_a_value_to_send_is_refused_with_what_to_give()
    {
        await using var server = new InMemoryServer<DeribitClient>();
        await using var deribit = new DeribitClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await deribit.OpenAsync();
        var peer = await server.AcceptAsync();

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => peer.SendAsync(new Ticker("BTC-PERPETUAL", 1)));

        Assert.Contains("""received as "subscription"/"ticker.*", a pattern: set PeerSendOptions.SecondDiscriminator""", refused.Message, StringComparison.Ordinal);
        Assert.Empty(peer.Exchanged);
    }

    [Fact]
    public async Task A_request_of_a_routed_first_level_is_read_by_both_values_and_its_id_inside_the_payload()
    {
        await using var server = new InMemoryServer<ObsClient>();
        await using var obs = new ObsClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await obs.OpenAsync();
        var peer = await server.AcceptAsync();

        var setting = obs.SetSceneAsync(new SetScene("Live"));
        var request = await peer.ReceiveRequestAsync<SetScene>();
        await request.ReplyAsync(new ObsResponse<JsonNode?>(new RequestStatus(true, 100, null), null));
        await setting.WaitAsync(Captured<object>.Timeout);

        Assert.Equal(new SetScene("Live"), request.Message);
        Assert.Equal(1, request.Id);
        Assert.Equal("""{"op":6,"d":{"requestType":"SetCurrentProgramScene","requestId":"1","requestData":{"sceneName":"Live"}}}""", request.Frame.GetText());
        Assert.Equal("""{"op":7,"d":{"requestId":"1","requestStatus":{"result":true,"code":100}}}""", peer.Exchanged[^1].GetText());
    }
}
