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

    [Fact]
    public async Task A_session_identifies_in_its_opened_hook_and_heartbeats_every_interval_of_hello()
    {
        var session = new DiscordSession(peers.Host.WsUri($"{DiscordPeer.Path}?token={Uri.EscapeDataString(Token)}&interval=50", out var tag), Identify, TimeSpan.FromMilliseconds(10));
        await using var discord = session.Client;

        await discord.OpenAsync();   // ready: identified, READY received

        var peer = await peers.Host.ConnectionAsync(tag);
        Assert.StartsWith("""{"op":2,""", peer.Received[0], StringComparison.Ordinal);
        var received = await peer.WaitForReceivedAsync(5, Server.TestServer.DefaultTimeout);
        Assert.All(received.Skip(1), m => Assert.StartsWith("""{"op":1,"d":""", m, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_gateway_asking_for_a_heartbeat_gets_one_at_once_with_the_last_sequence()
    {
        var session = new DiscordSession(peers.Host.WsUri($"{DiscordPeer.Path}?token={Uri.EscapeDataString(Token)}", out var tag), Identify, TimeSpan.FromMilliseconds(10));
        await using var discord = session.Client;

        await discord.OpenAsync();

        // The interval (41.25 s) is far off: this heartbeat answers the gateway's {"op":1,"d":null}, after dispatch 3.
        var peer = await peers.Host.ConnectionAsync(tag);
        Assert.Equal("""{"op":1,"d":3}""", (await peer.WaitForReceivedAsync(2, Server.TestServer.DefaultTimeout))[1]);
    }

    [Fact]
    public async Task Op_7_reconnects_to_the_resume_url_and_resumes_with_the_last_sequence_and_the_missed_dispatch_is_replayed()
    {
        var seen = new Inbox();
        var session = new DiscordSession(peers.Host.WsUri($"{DiscordPeer.Path}?token={Uri.EscapeDataString(Token)}&script=reconnect", out var tag), Identify, TimeSpan.FromMilliseconds(10));
        await using var discord = session.Client;
        discord.ReconnectReceived += _ => seen.Add("op 7");
        discord.Closed += close => seen.Add($"closed {(int?)close.Status} reconnect={close.WillReconnect}");
        discord.OnOpened((connect, _) =>
        {
            seen.Add($"opened {connect.Attempt} {connect.Url.Query.Contains("gateway=resume", StringComparison.Ordinal)} after {connect.Cause}");
            return default;
        });
        discord.OnMessageCreate((message, envelope, _) =>
        {
            seen.Add($"{envelope.S} {message.Content}");
            return default;
        });

        await discord.OpenAsync();

        Assert.Equal(
            ["opened 0 False after ", "op 7", "closed 4000 reconnect=True", "opened 1 True after closed with 4000 by the peer 'Reconnect.'", "3 missed"],
            await seen.WaitForAsync(5));
        var resumed = await peers.Host.ConnectionAsync(tag + "-resume");
        Assert.Equal(
            """{"op":6,"d":{"token":"Bot MTk4NjIyNDgzNDcxOTI1MjQ4","session_id":"9a8b7c6d","seq":2}}""",
            (await resumed.WaitForReceivedAsync(1, Server.TestServer.DefaultTimeout))[0]);
    }

    [Fact]
    public async Task Close_code_4004_fails_the_open_and_is_never_reconnected()
    {
        var closes = new Inbox();
        var session = new DiscordSession(peers.Host.WsUri($"{DiscordPeer.Path}?token=right"), Identify, TimeSpan.FromMilliseconds(10));
        await using var discord = session.Client;
        discord.Closed += close => closes.Add(close);

        var error = await Assert.ThrowsAsync<WebSocketConnectException>(() => discord.OpenAsync());

        Assert.Contains("4004", error.Message, StringComparison.Ordinal);
        var close = (WebSocketCloseInfo)Assert.Single(closes.Items);
        Assert.Equal(4004, (int?)close.Status);
        Assert.False(close.WillReconnect);
        Assert.Equal(WebSocketStatus.Closed, discord.Status);
    }

    private static ValueTask Record(Inbox inbox, string line)
    {
        inbox.Add(line);
        return default;
    }
}
