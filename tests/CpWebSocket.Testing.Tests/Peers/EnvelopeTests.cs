using System.Text.Json.Nodes;
using CpWebSocket.Testing.Tests.Contracts.Discord;
using CpWebSocket.Testing.Tests.Contracts.HomeAssistant;
using CpWebSocket.Testing.Tests.Contracts.JsonRpc;
using CpWebSocket.Testing.Tests.Support;

namespace CpWebSocket.Testing.Tests.Peers;

/// <summary>
/// What stands beside the payload: constants on every message, envelope fields read into the client's envelope record,
/// a second level beside the payload, and payloads that are a single value.
/// </summary>
public sealed class EnvelopeTests
{
    [Fact]
    public async Task Envelope_fields_the_test_gives_reach_the_clients_envelope_record()
    {
        await using var server = new InMemoryServer<DiscordClient>();
        await using var discord = new DiscordClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var created = new Captured<(MessageCreate Message, GatewayEnvelope Envelope)>();
        discord.OnMessageCreate((message, envelope, ct) =>
        {
            created.Add((message, envelope));
            return default;
        });
        await discord.OpenAsync();
        var peer = await server.AcceptAsync();

        var message = new MessageCreate("1", "hello", new User("7", "ada"));
        await peer.SendAsync(message, new PeerSendOptions { Envelope = new GatewayEnvelope(Op: 0, S: 42, T: "MESSAGE_CREATE") });

        var (received, envelope) = await created.NextAsync();
        Assert.Equal(message, received);
        Assert.Equal(new GatewayEnvelope(0, 42, "MESSAGE_CREATE"), envelope);
        Assert.Equal(
            """{"op":0,"t":"MESSAGE_CREATE","d":{"id":"1","content":"hello","author":{"id":"7","username":"ada"}},"s":42}""",
            peer.Exchanged[^1].GetText());
    }

    [Fact]
    public async Task Envelope_fields_may_be_an_anonymous_object_or_a_json_object()
    {
        await using var server = new InMemoryServer<HomeAssistantClient>();
        await using var ha = new HomeAssistantClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var changes = new Captured<(string EntityId, long Subscription)>();
        ha.OnStateChanged((change, envelope, ct) =>
        {
            changes.Add((change.EntityId, envelope.Id));
            return default;
        });
        await ha.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendAsync(new StateChanged("light.kitchen", new EntityState("light.kitchen", "on")), new PeerSendOptions { Envelope = new { id = 6 } });
        await peer.SendAsync(new StateChanged("light.porch", null), new PeerSendOptions { Envelope = new JsonObject { ["id"] = 9 } });

        Assert.Equal(("light.kitchen", 6L), await changes.NextAsync());
        Assert.Equal(("light.porch", 9L), await changes.NextAsync());
        Assert.Equal(
            """{"type":"event","event":{"event_type":"state_changed","data":{"entity_id":"light.kitchen","new_state":{"entity_id":"light.kitchen","state":"on"}}},"id":6}""",
            peer.Exchanged[0].GetText());
    }

    [Fact]
    public async Task The_clients_constants_are_on_what_it_sends_and_on_what_the_peer_sends()
    {
        await using var server = new InMemoryServer<DeribitClient>();
        server.Answer<GetTime, RpcResponse<long>>(_ => new RpcResponse<long>(5, null));
        await using var deribit = new DeribitClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await deribit.OpenAsync();

        await deribit.GetTimeAsync(new GetTime()).WaitAsync(Captured<object>.Timeout);
        var peer = await server.AcceptAsync();

        Assert.All(peer.Exchanged, frame => Assert.Equal("2.0", JsonNode.Parse(frame.GetText())!["jsonrpc"]!.GetValue<string>()));
        Assert.Equal(2, peer.Exchanged.Count);
    }

    [Fact]
    public async Task Value_payloads_are_sent_and_read_as_the_value_alone()
    {
        await using var server = new InMemoryServer<DiscordClient>();
        await using var discord = new DiscordClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        discord.OnHeartbeat((_, ct) => discord.SendAsync(new Heartbeat(251), ct));       // the server asks, the client beats
        var invalid = new Captured<InvalidSession>();
        discord.InvalidSessionReceived += invalid.Add;
        await discord.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendAsync(new Heartbeat(null));
        var beat = await peer.ReceiveAsync<Heartbeat>();
        await peer.SendAsync(new InvalidSession(Resumable: true));

        Assert.Equal(new Heartbeat(251), beat);
        Assert.Equal(new InvalidSession(true), await invalid.NextAsync());
        Assert.Equal(
            ["""{"op":1,"d":null}""", """{"op":1,"d":251}""", """{"op":9,"d":true}"""],
            peer.Exchanged.Select(frame => frame.GetText()));
    }

    [Fact]
    public async Task A_handshake_over_op_codes_runs_from_hello_to_identify()
    {
        await using var server = new InMemoryServer<DiscordClient>();
        await using var discord = new DiscordClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        discord.OnHello((hello, ct) => discord.SendAsync(new Identify("token", 513), ct));
        await discord.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendAsync(new Hello(41_250));

        Assert.Equal(new Identify("token", 513), await peer.ReceiveAsync<Identify>());
        Assert.Equal("""{"op":2,"d":{"token":"token","intents":513}}""", peer.Exchanged[^1].GetText());
    }
}
