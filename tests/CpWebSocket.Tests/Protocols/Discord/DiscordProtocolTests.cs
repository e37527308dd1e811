using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.EndToEnd;

namespace CpWebSocket.Tests.Protocols.Discord;

/// <summary>
/// <see cref="DiscordClient"/>, declared with attributes and records only, against a Discord gateway peer: dispatches
/// routed by <c>t</c> with <c>s</c> read from the envelope, scalar and null payloads (<c>{"op":1,"d":251}</c>,
/// <c>{"op":11,"d":null}</c>, <c>{"op":9,"d":false}</c>), and a refused token.
/// </summary>
[Collection(ProtocolPeersCollectionDefinition.Name)]
public sealed class DiscordProtocolTests(ProtocolPeersFixture peers)
{
    private const string Token = "Bot MTk4NjIyNDgzNDcxOTI1MjQ4";

    private static readonly Identify Identify = new(Token, 513, new IdentifyProperties("linux", "cpwebsocket", "cpwebsocket"));

    [Fact]
    public async Task Dispatches_are_routed_by_t_and_handlers_read_s_from_the_envelope()
    {
        var seen = new Inbox();
        await using var discord = new DiscordClient(peers.Host.WsUri($"{DiscordPeer.Path}?token={Uri.EscapeDataString(Token)}", out var tag));
        discord.OnHello((_, ct) => discord.SendAsync(Identify, ct));
        discord.OnReady((ready, envelope, _) => Record(seen, $"{envelope.S} READY {ready.SessionId} {ready.User.Username}"));
        discord.OnGuildCreate((guild, envelope, _) => Record(seen, $"{envelope.S} GUILD_CREATE {guild.Name}"));
        discord.OnMessageCreate((message, envelope, _) => Record(seen, $"{envelope.S} {envelope.T} {message.Content} from {message.Author.Username}"));
        discord.Unhandled += u => seen.Add($"unhandled {u.Discriminator}/{u.SecondDiscriminator}");

        await discord.OpenAsync();

        Assert.Equal(
            ["1 READY 9a8b7c6d nelly", "2 GUILD_CREATE Discord Developers", "3 MESSAGE_CREATE hello from nelly", "unhandled 0/TYPING_START"],
            await seen.WaitForAsync(4));
        var peer = await peers.Host.ConnectionAsync(tag);
        Assert.Equal("""{"op":2,"d":{"token":"Bot MTk4NjIyNDgzNDcxOTI1MjQ4","intents":513,"properties":{"os":"linux","browser":"cpwebsocket","device":"cpwebsocket"}}}""", peer.Received[0]);
    }

    [Fact]
    public async Task A_heartbeat_is_written_as_a_bare_sequence_number_and_its_null_acknowledgement_is_delivered()
    {
        var acks = new Inbox();
        await using var discord = new DiscordClient(peers.Host.WsUri(DiscordPeer.Path, out var tag));
        discord.HeartbeatAckReceived += acks.Add;
        await discord.OpenAsync();

        await discord.SendAsync(new Heartbeat(251));
        await discord.SendAsync(new Heartbeat(null));

        Assert.Equal([new HeartbeatAck(), new HeartbeatAck()], await acks.WaitForAsync(2));
        var peer = await peers.Host.ConnectionAsync(tag);
        Assert.Equal(["""{"op":1,"d":251}""", """{"op":1,"d":null}"""], await peer.WaitForReceivedAsync(2, Server.TestServer.DefaultTimeout));
    }

    [Fact]
    public async Task The_servers_heartbeat_request_with_a_null_payload_is_delivered_and_answered_with_the_last_sequence()
    {
        long? last = null;
        var requested = new Inbox();
        await using var discord = new DiscordClient(peers.Host.WsUri($"{DiscordPeer.Path}?token={Uri.EscapeDataString(Token)}", out var tag));
        discord.OnHello((_, ct) => discord.SendAsync(Identify, ct));
        discord.OnMessageCreate((_, envelope, _) =>
        {
            last = envelope.S;
            return default;
        });
        discord.OnHeartbeat(async (heartbeat, ct) =>
        {
            requested.Add(heartbeat);
            await discord.SendAsync(new Heartbeat(last), ct);
        });

        await discord.OpenAsync();

        Assert.Equal([new Heartbeat(null)], await requested.WaitForAsync(1));
        var peer = await peers.Host.ConnectionAsync(tag);
        Assert.Equal("""{"op":1,"d":3}""", (await peer.WaitForReceivedAsync(2, Server.TestServer.DefaultTimeout))[1]);
    }

    [Fact]
    public async Task An_invalid_session_delivers_its_boolean_payload()
    {
        var invalid = new Inbox();
        await using var discord = new DiscordClient(peers.Host.WsUri($"{DiscordPeer.Path}?token={Uri.EscapeDataString(Token)}&script=invalid"));
        discord.OnHello((_, ct) => discord.SendAsync(Identify, ct));
        discord.InvalidSessionReceived += invalid.Add;

        await discord.OpenAsync();

        Assert.Equal([new InvalidSession(false)], await invalid.WaitForAsync(1));
    }

    [Fact]
    public async Task A_wrong_token_closes_with_4004()
    {
        var closed = new TaskCompletionSource<WebSocketCloseInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var discord = new DiscordClient(peers.Host.WsUri($"{DiscordPeer.Path}?token=right"));
        discord.OnHello((_, ct) => discord.SendAsync(Identify, ct));
        discord.Closed += c => closed.TrySetResult(c);

        await discord.OpenAsync();

        var close = await closed.Task.WaitAsync(Server.TestServer.DefaultTimeout);
        Assert.Equal(4004, (int?)close.Status);
        Assert.True(close.ByPeer);
    }

    private static ValueTask Record(Inbox inbox, string line)
    {
        inbox.Add(line);
        return default;
    }
}
