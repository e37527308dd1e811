using System.Text.Json.Nodes;
using CpWebSocket.Messaging;
using CpWebSocket.Tests.Messaging.EndToEnd;

namespace CpWebSocket.Tests.Protocols.JsonRpc;

/// <summary>
/// <see cref="DeribitClient"/>, declared with attributes and records only, against a JSON-RPC 2.0 peer: <c>jsonrpc</c> on
/// every message, responses matched by id without a discriminator, notifications routed by channel pattern, array
/// frames (notifications, and batched responses matched element by element), requests from the server that carry one
/// of our ids, and late responses.
/// </summary>
[Collection(ProtocolPeersCollectionDefinition.Name)]
public sealed class JsonRpcProtocolTests(ProtocolPeersFixture peers)
{
    [Fact]
    public async Task Every_message_carries_jsonrpc_and_a_scalar_result_comes_back_typed()
    {
        var violations = JsonRpcPeer.Violations;
        await using var deribit = new DeribitClient(peers.Host.WsUri(JsonRpcPeer.Path, out var tag));
        await deribit.OpenAsync();

        var time = await deribit.GetTimeAsync(new GetTime());
        var test = await deribit.TestAsync(new Test());
        await deribit.SetHeartbeatAsync(new SetHeartbeat(30));

        Assert.Equal(JsonRpcPeer.Time, time);
        Assert.Equal(new TestResult("1.2.26"), test);
        var peer = await peers.Host.ConnectionAsync(tag);
        Assert.Equal(
            [
                """{"jsonrpc":"2.0","method":"public/get_time","id":1,"params":{}}""",
                """{"jsonrpc":"2.0","method":"public/test","id":2,"params":{}}""",
                """{"jsonrpc":"2.0","method":"public/set_heartbeat","id":3,"params":{"interval":30}}""",
            ],
            await peer.WaitForReceivedAsync(3, Server.TestServer.DefaultTimeout));
        Assert.Equal(violations, JsonRpcPeer.Violations);
    }

    [Fact]
    public async Task An_error_response_throws_the_typed_error()
    {
        await using var deribit = new DeribitClient(peers.Host.WsUri(JsonRpcPeer.Path));
        await deribit.OpenAsync();

        var refused = await Assert.ThrowsAsync<WebSocketResponseException<RpcError>>(() => deribit.GetAccountSummaryAsync(new GetAccountSummary("BTC")));

        Assert.Equal(new RpcError(13009, "unauthorized"), refused.Error);
        Assert.Equal(1, refused.RequestId);
    }

    [Fact]
    public async Task Notifications_are_routed_by_channel_pattern_and_an_unknown_channel_reaches_unhandled()
    {
        var seen = new Inbox();
        await using var deribit = new DeribitClient(peers.Host.WsUri(JsonRpcPeer.Path));
        deribit.TickerReceived += t => seen.Add($"ticker {t.InstrumentName} {t.LastPrice}");
        deribit.BookChangeReceived += b => seen.Add($"book {b.InstrumentName} {b.ChangeId} {b.Bids.Count}/{b.Asks.Count}");
        deribit.HeartbeatReceived += h => seen.Add($"heartbeat {h.Type}");
        deribit.Unhandled += u => seen.Add($"unhandled {u.Discriminator}/{u.SecondDiscriminator}");
        await deribit.OpenAsync();

        var channels = await deribit.SubscribeAsync(new Subscribe(["ticker.BTC-PERPETUAL.100ms", "book.ETH-PERPETUAL.100ms", "trades.BTC-PERPETUAL.raw"]));
        await deribit.SetHeartbeatAsync(new SetHeartbeat(30));

        Assert.Equal(3, channels.Count);
        Assert.Equal(
            ["ticker BTC-PERPETUAL 97250.5", "book ETH-PERPETUAL 5 1/2", "unhandled subscription/trades.BTC-PERPETUAL.raw", "heartbeat test_request"],
            await seen.WaitForAsync(4));
    }

    [Fact]
    public async Task An_array_frame_of_notifications_is_delivered_in_order_and_a_bad_element_is_one_error()
    {
        var tickers = new Inbox();
        var errors = new Inbox();
        await using var deribit = new DeribitClient(peers.Host.WsUri($"{JsonRpcPeer.Path}?coalesce=1"));
        deribit.TickerReceived += t => tickers.Add(t.LastPrice);
        deribit.Error += errors.Add;
        await deribit.OpenAsync();

        await deribit.SubscribeAsync(new Subscribe(["ticker.BTC-PERPETUAL.broken"]));

        Assert.Equal([97_250.5, 97_251.0], await tickers.WaitForAsync(2));
        var error = (WebSocketErrorInfo)Assert.Single(await errors.WaitForAsync(1));
        Assert.Equal(WebSocketErrorKind.Deserialization, error.Kind);
        Assert.StartsWith("A \"subscription\"/\"ticker.*\" message did not deserialize into", error.Message, StringComparison.Ordinal);
        Assert.Contains("it lacks 'last_price'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\"last_price\"", error.RawText, StringComparison.Ordinal); // the element, not the whole frame
        Assert.StartsWith("{\"jsonrpc\"", error.RawText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_batched_in_one_array_frame_each_complete_their_own_request()
    {
        await using var deribit = new DeribitClient(peers.Host.WsUri($"{JsonRpcPeer.Path}?batch=2"));
        await deribit.OpenAsync();

        var time = deribit.GetTimeAsync(new GetTime());
        var test = deribit.TestAsync(new Test());

        Assert.Equal(JsonRpcPeer.Time, await time.WaitAsync(Server.TestServer.DefaultTimeout));
        Assert.Equal(new TestResult("1.2.26"), await test.WaitAsync(Server.TestServer.DefaultTimeout));
    }

    [Fact]
    public async Task A_request_from_the_server_carrying_our_id_does_not_complete_our_request()
    {
        var unhandled = new Inbox();
        await using var deribit = new DeribitClient(peers.Host.WsUri($"{JsonRpcPeer.Path}?server_request=1"));
        deribit.Unhandled += u => unhandled.Add(u.Discriminator.ToString());
        await deribit.OpenAsync();

        var result = await deribit.TestAsync(new Test());

        Assert.Equal(new TestResult("1.2.26"), result);
        Assert.Equal(["client/ping"], await unhandled.WaitForAsync(1));
    }

    [Fact]
    public async Task A_late_response_without_a_discriminator_reaches_unhandled_with_its_request_id()
    {
        var late = new TaskCompletionSource<UnhandledMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new Inbox();
        await using var deribit = new DeribitClient(peers.Host.WsUri($"{JsonRpcPeer.Path}?delay_ms=1000")) { DefaultRequestTimeout = TimeSpan.FromMilliseconds(200) };
        deribit.Unhandled += u => late.TrySetResult(new UnhandledMessage(u.HasDiscriminator ? u.Discriminator : default(MessageDiscriminator?), u.SecondDiscriminator, u.RequestId, u.Data.ToArray()));
        deribit.Error += errors.Add;
        await deribit.OpenAsync();

        var timeout = await Assert.ThrowsAsync<WebSocketRequestTimeoutException>(() => deribit.TestAsync(new Test()));

        Assert.Contains("a response that comes later goes to Unhandled", timeout.Message, StringComparison.Ordinal);
        var unhandled = await late.Task.WaitAsync(Server.TestServer.DefaultTimeout);
        Assert.False(unhandled.HasDiscriminator);
        Assert.Equal(1, unhandled.RequestId);
        Assert.Equal("1.2.26", (string?)JsonNode.Parse(unhandled.GetText())!["result"]!["version"]);
        Assert.Empty(errors.Items);
    }

    [Fact]
    public async Task Heartbeats_are_answered_from_their_notification_handler_by_an_awaited_public_test()
    {
        var answered = new Inbox();
        var errors = new Inbox();
        await using var deribit = new DeribitClient(peers.Host.WsUri($"{JsonRpcPeer.Path}?heartbeats=3"))
        {
            DefaultRequestTimeout = TimeSpan.FromSeconds(10),   // below the inbox's wait: a response stuck behind its handler would fail it
        };
        deribit.Error += errors.Add;
        // README: deribit heartbeat (begin)
        deribit.OnHeartbeat(async (heartbeat, ct) =>
        {
            if (heartbeat.Type == "test_request")
            {
                var test = await deribit.TestAsync(new Test(), ct);   // the response is matched as it arrives, not behind this handler
                answered.Add(test.Version);
            }
        });
        // README: deribit heartbeat (end)
        await deribit.OpenAsync();

        await deribit.SetHeartbeatAsync(new SetHeartbeat(10));

        Assert.Equal(["1.2.26", "1.2.26", "1.2.26"], await answered.WaitForAsync(3));
        Assert.Empty(errors.Items);
    }
}
