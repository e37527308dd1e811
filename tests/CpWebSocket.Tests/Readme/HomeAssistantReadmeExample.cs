using Inbox = CpWebSocket.Tests.Messaging.EndToEnd.Inbox;
using CpWebSocket.Tests.Protocols;
using CpWebSocket.Tests.Protocols.HomeAssistant;

namespace CpWebSocket.Tests.Readme;

/// <summary>
/// The README's "Real protocols" usage block for Home Assistant, compiled and run against its peer. The declarations
/// themselves are the contract files of <c>tests/CpWebSocket.Tests/Protocols/HomeAssistant</c>.
/// </summary>
[Collection(ProtocolPeersCollectionDefinition.Name)]
public sealed class HomeAssistantReadmeExample(ProtocolPeersFixture peers)
{
    [Fact]
    public async Task The_readme_home_assistant_client_reads_states_and_subscribed_events()
    {
        const string Token = "token";
        var log = new Inbox();
        var cancellationToken = CancellationToken.None;
        await using var ha = await HomeAssistantSession.AuthenticatedAsync(peers.Host.WsUri($"{HomeAssistantPeer.Path}?token={Token}"), Token);

        // README: home assistant usage (begin)
        ha.OnStateChanged((change, envelope, ct) =>                          // envelope.Id: the subscription's id
        {
            log.Add($"{change.EntityId}: {change.OldState?.State} -> {change.NewState?.State} (subscription {envelope.Id})");
            return default;
        });

        await ha.SubscribeEventsAsync(new SubscribeEvents("state_changed"), cancellationToken);
        IReadOnlyList<EntityState> states = await ha.GetStatesAsync(new GetStates(), cancellationToken);
        await ha.CallServiceAsync(new CallService("light", "turn_on", new ServiceTarget("light.kitchen")), cancellationToken);
        // README: home assistant usage (end)

        Assert.Equal(2, states.Count);
        Assert.Equal(["light.kitchen: off -> on (subscription 1)"], await log.WaitForAsync(1));
    }
}
