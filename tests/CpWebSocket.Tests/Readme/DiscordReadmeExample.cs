using Inbox = CpWebSocket.Tests.Messaging.EndToEnd.Inbox;
using CpWebSocket.Tests.Protocols;
using CpWebSocket.Tests.Protocols.Discord;

namespace CpWebSocket.Tests.Readme;

/// <summary>
/// The README's "Real protocols" usage block for the Discord gateway, compiled and run against its peer. The declarations
/// themselves are the contract files of <c>tests/CpWebSocket.Tests/Protocols/Discord</c>.
/// </summary>
[Collection(ProtocolPeersCollectionDefinition.Name)]
public sealed class DiscordReadmeExample(ProtocolPeersFixture peers)
{
    private static readonly TimeSpan Generous = Server.TestServer.DefaultTimeout;

    [Fact]
    public async Task The_readme_discord_client_identifies_reads_s_and_answers_a_heartbeat_request()
    {
        const string Token = "Bot token";
        var log = new Inbox();
        await using var discord = new DiscordClient(peers.Host.WsUri($"{DiscordPeer.Path}?token={Uri.EscapeDataString(Token)}", out var tag));

        // README: discord usage (begin)
        long? lastSequence = null;
        discord.OnHello((hello, ct) => discord.SendAsync(new Identify(Token, 513, new IdentifyProperties("linux", "app", "app")), ct));
        discord.OnMessageCreate((message, envelope, ct) =>
        {
            lastSequence = envelope.S;                                        // "s", beside the payload
            log.Add($"#{envelope.S} {message.Author.Username}: {message.Content}");
            return default;
        });
        discord.OnHeartbeat((_, ct) => discord.SendAsync(new Heartbeat(lastSequence), ct));   // the server asks: {"op":1,"d":null}
        // README: discord usage (end)

        await discord.OpenAsync();

        Assert.Equal(["#3 nelly: hello"], await log.WaitForAsync(1));
        var peer = await peers.Host.ConnectionAsync(tag);
        Assert.Equal("""{"op":1,"d":3}""", (await peer.WaitForReceivedAsync(2, Generous))[1]);
    }
}
