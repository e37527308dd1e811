using System.Text.Json.Nodes;
using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.EndToEnd;

namespace CpWebSocket.Tests.Protocols.Obs;

/// <summary>
/// <see cref="ObsClient"/>, declared with attributes and records only, against an OBS websocket v5 peer: events routed
/// by <c>eventType</c>, typed requests by <c>requestType</c> with the id inside <c>d</c>, a failed <c>requestStatus</c>
/// as <see cref="WebSocketResponseException{TError}"/>, and the authentication phase.
/// </summary>
[Collection(ProtocolPeersCollectionDefinition.Name)]
public sealed class ObsProtocolTests(ProtocolPeersFixture peers)
{
    private const string Password = "correct horse";

    private Uri Url(out string tag) => peers.Host.WsUri($"{ObsPeer.Path}?password={Uri.EscapeDataString(Password)}", out tag);

    [Fact]
    public async Task A_typed_request_is_written_with_its_request_type_and_id_inside_d_and_returns_the_typed_response_data()
    {
        await using var obs = await ObsSession.IdentifiedAsync(Url(out var tag), Password);
        var peer = await peers.Host.ConnectionAsync(tag);

        VersionInfo version = await obs.GetVersionAsync(new GetVersion());

        Assert.Equal(new VersionInfo("30.2.3", "5.5.0", 1, version.AvailableRequests), version);
        Assert.Contains("SetCurrentProgramScene", version.AvailableRequests);
        var sent = JsonNode.Parse(peer.Received[^1])!;
        Assert.Equal("""{"op":6,"d":{"requestType":"GetVersion","requestId":"1","requestData":{}}}""", sent.ToJsonString());
    }

    [Fact]
    public async Task The_authentication_of_the_hello_challenge_identifies_the_client()
    {
        await using var obs = await ObsSession.IdentifiedAsync(Url(out var tag), Password);
        var peer = await peers.Host.ConnectionAsync(tag);

        var identify = JsonNode.Parse(peer.Received[0])!;
        Assert.Equal(1, (int)identify["op"]!);
        Assert.Equal(1, (int)identify["d"]!["rpcVersion"]!);
        Assert.NotNull((string?)identify["d"]!["authentication"]);
        Assert.Null(identify["d"]!["eventSubscriptions"]); // null members are left out, as the client declares
    }

    [Fact]
    public async Task Events_are_routed_by_event_type_to_their_typed_contract()
    {
        var scenes = new Inbox();
        await using var obs = await ObsSession.IdentifiedAsync(Url(out _), Password, o => o.CurrentProgramSceneChangedReceived += scenes.Add);

        await obs.SetCurrentProgramSceneAsync(new SetCurrentProgramScene("Live"));
        await obs.SetCurrentProgramSceneAsync(new SetCurrentProgramScene("Outro"));

        Assert.Equal([new CurrentProgramSceneChanged("Live"), new CurrentProgramSceneChanged("Outro")], await scenes.WaitForAsync(2));
    }

    [Fact]
    public async Task A_failed_request_status_throws_the_typed_status()
    {
        await using var obs = await ObsSession.IdentifiedAsync(Url(out _), Password);

        var refused = await Assert.ThrowsAsync<WebSocketResponseException<RequestStatus>>(
            () => obs.SetCurrentProgramSceneAsync(new SetCurrentProgramScene("Missing")));

        Assert.Equal(new RequestStatus(false, 600, "No source was found by the name of `Missing`."), refused.Error);
        Assert.Equal(1, refused.RequestId);
        Assert.True(obs.IsOpen);
    }

    [Fact]
    public async Task An_event_type_without_a_contract_reaches_unhandled_with_both_values_never_error()
    {
        var unhandled = new Inbox();
        var errors = new Inbox();
        await using var obs = await ObsSession.IdentifiedAsync(Url(out _), Password, o =>
        {
            o.Unhandled += u => unhandled.Add((u.Discriminator, u.SecondDiscriminator));
            o.Error += errors.Add;
        });

        await obs.SetStudioModeEnabledAsync(new SetStudioModeEnabled(true));

        Assert.Equal([((MessageDiscriminator)5, (MessageDiscriminator?)"StudioModeStateChanged")], await unhandled.WaitForAsync(1));
        Assert.Empty(errors.Items);
    }

    [Fact]
    public async Task An_event_without_event_data_delivers_its_record()
    {
        var exits = new Inbox();
        await using var obs = await ObsSession.IdentifiedAsync(
            peers.Host.WsUri($"{ObsPeer.Path}?password={Uri.EscapeDataString(Password)}&script=exit"),
            Password,
            o => o.ExitStartedReceived += exits.Add);

        Assert.Equal([new ExitStarted()], await exits.WaitForAsync(1));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_close_code_4009_which_fails_the_open_and_stops_reconnecting()
    {
        var closes = new Inbox();
        var options = new HttpWebSocketOptions
        {
            Reconnect = new ReconnectPolicy
            {
                RetryFirstConnect = true,
                MaxAttempts = ReconnectPolicy.Unlimited,
                InitialDelay = TimeSpan.FromMilliseconds(10),
                ShouldReconnect = cause => cause.CloseCode != 4009,   // OBS: authentication failed
            },
        };

        var error = await Assert.ThrowsAsync<WebSocketConnectException>(
            () => ObsSession.IdentifiedAsync(Url(out var tag), "wrong", o => o.Closed += c => closes.Add(c), options));

        var close = (WebSocketCloseInfo)Assert.Single(closes.Items);
        Assert.Equal(4009, (int?)close.Status);
        Assert.True(close.ByPeer);
        Assert.False(close.WillReconnect);
        Assert.Contains("4009 'Authentication failed.'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_handshake_runs_again_on_every_reconnect_and_the_open_of_each_waits_for_identified()
    {
        var opens = new Inbox();
        var options = new HttpWebSocketOptions { Reconnect = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10) } };
        await using var obs = await ObsSession.IdentifiedAsync(Url(out var tag), Password, o => o.OnOpened((context, _) =>
        {
            opens.Add(context.Attempt);
            return default;
        }), options);
        var first = await peers.Host.ConnectionAsync(tag);

        first.Abort();   // the connection is lost: the client reconnects and identifies again

        Assert.Equal([0, 1], await opens.WaitForAsync(2));
        Assert.Equal(new VersionInfo("30.2.3", "5.5.0", 1, []).ObsVersion, (await obs.GetVersionAsync(new GetVersion())).ObsVersion);
    }

    [Fact]
    public async Task A_request_before_identify_is_refused_with_close_code_4007()
    {
        await using var obs = new ObsClient(peers.Host.WsUri($"{ObsPeer.Path}?password=x"));
        var closed = new TaskCompletionSource<WebSocketCloseInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        obs.Closed += c => closed.TrySetResult(c);
        await obs.OpenAsync();

        await Assert.ThrowsAsync<WebSocketRequestAbortedException>(() => obs.GetVersionAsync(new GetVersion()));

        Assert.Equal(4007, (int?)(await closed.Task.WaitAsync(Server.TestServer.DefaultTimeout)).Status);
    }
}
