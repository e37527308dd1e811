using CpWebSocket.Tests.Messaging.EndToEnd;

namespace CpWebSocket.Tests.Protocols.HomeAssistant;

/// <summary>
/// <see cref="HomeAssistantClient"/>, declared with attributes and records only, against a Home Assistant peer: snake_case
/// on the wire, results and errors through <see cref="HaResult{T}"/>, events routed by <c>event.event_type</c> with the
/// subscription's id readable from the envelope, coalesced array frames, and the auth phase.
/// </summary>
[Collection(ProtocolPeersCollectionDefinition.Name)]
public sealed class HomeAssistantProtocolTests(ProtocolPeersFixture peers)
{
    private const string Token = "long-lived-token";

    private Uri Url(out string tag) => peers.Host.WsUri($"{HomeAssistantPeer.Path}?token={Token}", out tag);

    [Fact]
    public async Task Commands_are_written_in_snake_case_with_increasing_ids_and_results_come_back_typed()
    {
        await using var ha = await HomeAssistantSession.AuthenticatedAsync(Url(out var tag), Token);
        var peer = await peers.Host.ConnectionAsync(tag);

        var states = await ha.GetStatesAsync(new GetStates());
        await ha.CallServiceAsync(new CallService("light", "turn_on", new ServiceTarget("light.kitchen")));

        Assert.Equal(["light.kitchen off", "switch.fan on"], states.Select(s => $"{s.EntityId} {s.State}"));
        Assert.Equal("kitchen", states[0].Attributes!["friendly_name"].GetString());
        Assert.Equal(
            [
                """{"type":"auth","access_token":"long-lived-token"}""",
                """{"type":"get_states","id":1}""",
                """{"type":"call_service","id":2,"domain":"light","service":"turn_on","target":{"entity_id":"light.kitchen"}}""",
            ],
            await peer.WaitForReceivedAsync(3, Server.TestServer.DefaultTimeout));
    }

    [Fact]
    public async Task A_failed_result_throws_its_typed_error()
    {
        await using var ha = await HomeAssistantSession.AuthenticatedAsync(Url(out _), Token);

        var refused = await Assert.ThrowsAsync<WebSocketResponseException<HaError>>(
            () => ha.CallServiceAsync(new CallService("light", "explode", new ServiceTarget("light.kitchen"))));

        Assert.Equal(new HaError("not_found", "Service light.explode not found."), refused.Error);
        Assert.Equal(new Pong(), await ha.PingAsync(new Ping()));
    }

    [Fact]
    public async Task Events_are_routed_by_their_nested_event_type_and_carry_the_id_of_their_subscription()
    {
        var changes = new Inbox();
        await using var ha = await HomeAssistantSession.AuthenticatedAsync(Url(out _), Token, h =>
            h.OnStateChanged((change, envelope, _) =>
            {
                changes.Add((envelope.Id, change.EntityId, change.OldState?.State, change.NewState?.State));
                return default;
            }));

        await ha.SubscribeEventsAsync(new SubscribeEvents("state_changed"));         // request 1: the subscription's id
        await ha.CallServiceAsync(new CallService("switch", "turn_off", new ServiceTarget("switch.fan")));

        Assert.Equal([(1L, "switch.fan", "on", "off")], await changes.WaitForAsync(1));
    }

    [Fact]
    public async Task A_coalesced_array_frame_is_routed_element_by_element_in_order()
    {
        var seen = new Inbox();
        var errors = new Inbox();
        await using var ha = await HomeAssistantSession.AuthenticatedAsync(Url(out _), Token, h =>
        {
            h.StateChangedReceived += change => seen.Add("state_changed " + change.EntityId);
            h.Unhandled += u => seen.Add($"unhandled {u.Discriminator}/{u.SecondDiscriminator}");
            h.Error += errors.Add;
        });

        await ha.SupportedFeaturesAsync(new SupportedFeatures(new Features(CoalesceMessages: 1)));
        await ha.SubscribeEventsAsync(new SubscribeEvents());                        // every event type
        await ha.CallServiceAsync(new CallService("light", "turn_on", new ServiceTarget("light.kitchen")));

        Assert.Equal(["unhandled event/call_service", "state_changed light.kitchen"], await seen.WaitForAsync(2));
        Assert.Empty(errors.Items);
    }

    [Fact]
    public async Task A_wrong_token_gets_auth_invalid_and_a_close_and_the_open_fails_with_its_message()
    {
        var events = new Inbox();
        var error = await Assert.ThrowsAsync<WebSocketConnectException>(() =>
            HomeAssistantSession.AuthenticatedAsync(Url(out _), "stolen", h =>
            {
                h.AuthInvalidReceived += m => events.Add("auth_invalid");
                h.Closed += c => events.Add(c);
            }));

        Assert.IsType<UnauthorizedAccessException>(error.InnerException);
        Assert.Contains("Home Assistant refused the token: Invalid access token or password", error.Message, StringComparison.Ordinal);
        var seen = events.Items;
        Assert.Equal("auth_invalid", seen[0]);   // still delivered to its handlers, after the hook, before Closed
        Assert.Equal(1008, (int?)((WebSocketCloseInfo)seen[1]).Status);
    }
}
