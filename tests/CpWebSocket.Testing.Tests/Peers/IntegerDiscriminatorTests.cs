using CpWebSocket.Testing.Tests.Contracts.Obs;
using CpWebSocket.Testing.Tests.Support;

namespace CpWebSocket.Testing.Tests.Peers;

/// <summary>Integer discriminators (OBS op codes), both ways: a handshake the client's handler answers.</summary>
public sealed class IntegerDiscriminatorTests
{
    [Fact]
    public async Task The_client_answers_the_servers_hello_with_identify()
    {
        await using var server = new InMemoryServer<ObsClient>();
        await using var obs = new ObsClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        obs.OnHello((hello, ct) => obs.SendAsync(new Identify(hello.RpcVersion), ct));
        var identified = new Captured<Identified>();
        obs.IdentifiedReceived += identified.Add;
        await obs.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.SendAsync(new Hello("5.5.0", 1));
        var identify = await peer.ReceiveAsync<Identify>();
        await peer.SendAsync(new Identified(identify.RpcVersion));

        Assert.Equal(new Identify(1), identify);
        Assert.Equal(new Identified(1), await identified.NextAsync());
        Assert.Equal(
            [
                """{"op":0,"d":{"obsWebSocketVersion":"5.5.0","rpcVersion":1}}""",
                """{"op":1,"d":{"rpcVersion":1}}""",
                """{"op":2,"d":{"negotiatedRpcVersion":1}}""",
            ],
            peer.Exchanged.Select(frame => frame.GetText()));
    }

    [Fact]
    public async Task An_integer_discriminator_is_matched_as_a_number()
    {
        await using var server = new InMemoryServer<ObsClient>();
        await using var obs = new ObsClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await obs.OpenAsync();
        var peer = await server.AcceptAsync();

        await obs.SendAsync("""{"op":"1","d":{"rpcVersion":1}}""", isData: false);   // "1", a string, is not op 1

        var failure = await Assert.ThrowsAsync<PeerAssertionException>(() => peer.ReceiveAsync<Identify>());
        Assert.Contains("""expected a 1 message (Identify), but the client sent a "1" message""", failure.Message, StringComparison.Ordinal);
    }
}
