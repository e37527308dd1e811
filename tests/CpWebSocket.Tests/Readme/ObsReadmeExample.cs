using Inbox = CpWebSocket.Tests.Messaging.EndToEnd.Inbox;
using CpWebSocket.Tests.Protocols;
using CpWebSocket.Tests.Protocols.Obs;

namespace CpWebSocket.Tests.Readme;

/// <summary>
/// The README's "Real protocols" usage block for OBS websocket v5, compiled and run against its peer. The declarations
/// themselves are the contract files of <c>tests/CpWebSocket.Tests/Protocols/Obs</c>.
/// </summary>
[Collection(ProtocolPeersCollectionDefinition.Name)]
public sealed class ObsReadmeExample(ProtocolPeersFixture peers)
{
    [Fact]
    public async Task The_readme_obs_client_gets_typed_responses_events_and_a_refused_status()
    {
        const string Password = "pw";
        var log = new Inbox();
        var cancellationToken = CancellationToken.None;
        await using var obs = await ObsSession.IdentifiedAsync(peers.Host.WsUri($"{ObsPeer.Path}?password={Password}"), Password);

        // README: obs usage (begin)
        obs.CurrentProgramSceneChangedReceived += changed => log.Add($"program: {changed.SceneName}");

        VersionInfo version = await obs.GetVersionAsync(new GetVersion(), cancellationToken);
        await obs.SetCurrentProgramSceneAsync(new SetCurrentProgramScene("Live"), cancellationToken);
        try
        {
            await obs.SetCurrentProgramSceneAsync(new SetCurrentProgramScene("Missing"), cancellationToken);
        }
        catch (WebSocketResponseException<RequestStatus> refused)         // requestStatus.result was false
        {
            log.Add($"refused: {refused.Error.Code} {refused.Error.Comment}");
        }
        // README: obs usage (end)

        Assert.Equal("5.5.0", version.ObsWebSocketVersion);
        Assert.Equal(["program: Live", "refused: 600 No source was found by the name of `Missing`."], (await log.WaitForAsync(2)).Order());
    }
}
