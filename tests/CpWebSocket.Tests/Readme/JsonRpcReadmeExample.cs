using Inbox = CpWebSocket.Tests.Messaging.EndToEnd.Inbox;
using CpWebSocket.Tests.Protocols;
using CpWebSocket.Tests.Protocols.JsonRpc;

namespace CpWebSocket.Tests.Readme;

/// <summary>
/// The README's "Real protocols" usage block for JSON-RPC 2.0, compiled and run against its peer. The declarations
/// themselves are the contract files of <c>tests/CpWebSocket.Tests/Protocols/JsonRpc</c>.
/// </summary>
[Collection(ProtocolPeersCollectionDefinition.Name)]
public sealed class JsonRpcReadmeExample(ProtocolPeersFixture peers)
{
    [Fact]
    public async Task The_readme_json_rpc_client_subscribes_and_calls()
    {
        var log = new Inbox();
        var cancellationToken = CancellationToken.None;
        await using var deribit = new DeribitClient(peers.Host.WsUri(JsonRpcPeer.Path));
        await deribit.OpenAsync(cancellationToken);

        // README: deribit usage (begin)
        deribit.TickerReceived += ticker => log.Add($"{ticker.InstrumentName} {ticker.LastPrice}");

        IReadOnlyList<string> subscribed = await deribit.SubscribeAsync(new Subscribe(["ticker.BTC-PERPETUAL.100ms"]), cancellationToken);
        long serverTime = await deribit.GetTimeAsync(new GetTime(), cancellationToken);
        // README: deribit usage (end)

        Assert.Equal(["ticker.BTC-PERPETUAL.100ms"], subscribed);
        Assert.Equal(JsonRpcPeer.Time, serverTime);
        Assert.Equal(["BTC-PERPETUAL 97250.5"], await log.WaitForAsync(1));
    }
}
