using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Messaging.Requests;

/// <summary>Generated request methods against the Kestrel <c>/respond</c> endpoint: ids, correlation, timeouts, errors.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class RequestResponseTests(TestServerFixture fixture)
{
    private static readonly TimeSpan Generous = TestServer.DefaultTimeout;

    private async Task<string> WireTextAsync(string path, string tag, int index = 0)
    {
        var server = await fixture.Server.WaitForConnectionAsync(path, Generous, tag);
        return (await server.WaitForMessagesAsync(index + 1, Generous))[index].Text;
    }

    [Fact]
    public async Task A_request_with_an_integer_id_next_to_the_discriminator_gets_its_response()
    {
        var tag = Guid.NewGuid().ToString("N");
        await using var client = new WorkClient(fixture.Server.WsUri($"/respond?tag={tag}"));
        await client.OpenAsync();

        var done = await client.WorkAsync(new Work(5));

        Assert.Equal(new WorkDone(5), done);
        Assert.Equal("""{"type":"work","id":1,"n":5,"silent":null,"delay_ms":null,"close":null}""", await WireTextAsync("/respond", tag));
    }

    [Fact]
    public async Task Ids_count_up_and_each_response_completes_its_own_request()
    {
        await using var client = new WorkClient(fixture.Server.WsUri("/respond"));
        await client.OpenAsync();

        for (var n = 1; n <= 5; n++)
        {
            Assert.Equal(new WorkDone(n), await client.WorkAsync(new Work(n)));
        }
    }

    [Fact]
    public async Task A_hundred_concurrent_requests_answered_in_reverse_order_each_get_their_own_response()
    {
        await using var client = new WorkClient(fixture.Server.WsUri("/respond?batch=100&order=reverse"));
        await client.OpenAsync();

        var calls = Enumerable.Range(1, 100).Select(n => client.WorkAsync(new Work(n))).ToArray();
        var responses = await Task.WhenAll(calls).WaitAsync(Generous);

        Assert.Equal(Enumerable.Range(1, 100), responses.Select(r => r.N));
    }

    [Fact]
    public async Task A_response_completes_its_request_and_is_not_routed_though_its_discriminator_has_a_contract()
    {
        var routed = new Inbox();
        var unhandled = new Inbox();
        await using var client = new WorkClientWithReplyContract(fixture.Server.WsUri("/respond"));
        client.NotARoutedReplyReceived += routed.Add;
        client.Unhandled += u => unhandled.Add(u.Discriminator);
        await client.OpenAsync();

        Assert.Equal(new WorkDone(7), await client.WorkAsync(new Work(7)));

        // The same kind of message without a waiting request is an ordinary "reply" message.
        await client.SendAsync("""{"type":"work","id":999,"n":8}""", isData: false);
        Assert.Equal(new NotARoutedReply(8), (await routed.WaitForAsync(1))[0]);
        Assert.Single(routed.Items);
        Assert.Empty(unhandled.Items);
    }

    [Fact]
    public async Task Json_rpc_calls_with_string_ids_return_the_result()
    {
        var tag = Guid.NewGuid().ToString("N");
        await using var client = new RpcWorkClient(fixture.Server.WsUri($"/respond?shape=rpc&discriminator=method&payload=params&tag={tag}"));
        await client.OpenAsync();

        var result = await client.RpcWorkAsync(new RpcWork(3));

        Assert.Equal(new WorkDone(3), result);
        Assert.Equal("""{"method":"work","id":"1","params":{"n":3,"fail":null}}""", await WireTextAsync("/respond", tag));
    }

    [Fact]
    public async Task An_error_response_fails_the_call_with_the_servers_error()
    {
        await using var client = new RpcWorkClient(fixture.Server.WsUri("/respond?shape=rpc&discriminator=method&payload=params"));
        await client.OpenAsync();

        var error = await Assert.ThrowsAsync<WebSocketResponseException<RpcError>>(() => client.RpcWorkAsync(new RpcWork(3, Fail: "no such room")));

        Assert.Equal(new RpcError(-32000, "no such room"), error.Error);
        Assert.Contains("no such room", error.Message, StringComparison.Ordinal);
        Assert.True(client.IsOpen);
        Assert.Equal(new WorkDone(4), await client.RpcWorkAsync(new RpcWork(4)));
    }

    [Fact]
    public async Task An_id_inside_the_payload_is_written_there_and_read_from_there()
    {
        var tag = Guid.NewGuid().ToString("N");
        await using var client = new ObsStyleClient(fixture.Server.WsUri($"/respond?discriminator=op&payload=d&reply=7&tag={tag}"));
        await client.OpenAsync();

        var response = await client.GetVersionAsync(new GetVersion("GetVersion"));

        Assert.Equal(new ObsResponse("GetVersion", "1"), response);
        Assert.Equal("""{"op":6,"d":{"requestId":"1","requestType":"GetVersion"}}""", await WireTextAsync("/respond", tag));
    }

    [Fact]
    public async Task A_request_without_a_response_times_out_with_its_own_exception_and_is_forgotten()
    {
        await using var client = new WorkClient(fixture.Server.WsUri("/respond")) { DefaultRequestTimeout = TimeSpan.FromMilliseconds(300) };
        await client.OpenAsync();

        var timeout = await Assert.ThrowsAsync<WebSocketRequestTimeoutException>(() => client.WorkAsync(new Work(1, Silent: true)));

        Assert.Equal(1, timeout.RequestId);
        Assert.Equal(TimeSpan.FromMilliseconds(300), timeout.Timeout);
        Assert.Contains("No response to request 1", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(new WorkDone(2), await client.WorkAsync(new Work(2)));
    }

    [Fact]
    public async Task The_timeout_declared_on_the_contract_overrides_the_clients_default()
    {
        await using var client = new WorkClient(fixture.Server.WsUri("/respond")) { DefaultRequestTimeout = Timeout.InfiniteTimeSpan };
        await client.OpenAsync();

        var timeout = await Assert.ThrowsAsync<WebSocketRequestTimeoutException>(() => client.QuickWorkAsync(new QuickWork(1, Silent: true)).WaitAsync(Generous));

        Assert.Equal(TimeSpan.FromMilliseconds(300), timeout.Timeout);
    }

    [Fact]
    public async Task Cancelling_the_token_ends_the_wait_with_an_operation_canceled_exception()
    {
        await using var client = new WorkClient(fixture.Server.WsUri("/respond"));
        await client.OpenAsync();
        using var cancel = new CancellationTokenSource();

        var call = client.WorkAsync(new Work(1, Silent: true), cancel.Token);
        await cancel.CancelAsync();

        var canceled = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(cancel.Token, canceled.CancellationToken);
        Assert.Equal(new WorkDone(2), await client.WorkAsync(new Work(2)));
    }

    [Fact]
    public async Task A_response_that_arrives_after_its_timeout_goes_to_unhandled_not_to_a_later_request()
    {
        var unhandled = new Inbox();
        await using var client = new WorkClient(fixture.Server.WsUri("/respond")) { DefaultRequestTimeout = TimeSpan.FromMilliseconds(200) };
        client.Unhandled += u => unhandled.Add(u.GetText());
        await client.OpenAsync();

        await Assert.ThrowsAsync<WebSocketRequestTimeoutException>(() => client.WorkAsync(new Work(1, DelayMs: 1_000)));
        client.DefaultRequestTimeout = Generous;
        var later = client.WorkAsync(new Work(2, DelayMs: 2_000));

        var late = (string)(await unhandled.WaitForAsync(1))[0];
        Assert.Contains("\"id\":1", late, StringComparison.Ordinal);
        Assert.Equal(new WorkDone(2), await later);
    }

    [Fact]
    public async Task When_the_connection_drops_every_waiting_request_fails_at_once()
    {
        await using var client = new WorkClient(fixture.Server.WsUri("/respond"));
        await client.OpenAsync();

        var waiting = Enumerable.Range(1, 10).Select(n => client.WorkAsync(new Work(n, Silent: true))).ToArray();
        _ = client.WorkAsync(new Work(11, Close: true));

        foreach (var call in waiting)
        {
            var aborted = await Assert.ThrowsAsync<WebSocketRequestAbortedException>(() => call.WaitAsync(Generous));
            Assert.Contains("The connection closed", aborted.Message, StringComparison.Ordinal);
            Assert.NotNull(aborted.Close);
        }
    }

    [Fact]
    public async Task Disposing_the_client_fails_waiting_requests()
    {
        var client = new WorkClient(fixture.Server.WsUri("/respond"));
        await client.OpenAsync();
        var call = client.WorkAsync(new Work(1, Silent: true));

        await client.DisposeAsync();

        await Assert.ThrowsAsync<WebSocketRequestAbortedException>(() => call.WaitAsync(Generous));
    }

    [Fact]
    public async Task A_request_while_not_open_fails_to_send()
    {
        await using var client = new WorkClient(fixture.Server.WsUri("/respond"));

        await Assert.ThrowsAsync<WebSocketSendException>(() => client.WorkAsync(new Work(1)));
    }

    [Fact]
    public async Task A_response_that_does_not_fit_its_type_fails_the_call_and_keeps_the_connection()
    {
        await using var client = new WorkClient(fixture.Server.WsUri("/respond"));
        await client.OpenAsync();

        // The request itself gets no answer; a message carrying its id, with an "n" that is no number, does.
        var call = client.WorkAsync(new Work(1, Silent: true));
        await client.SendAsync("""{"type":"work","id":1,"n":"many"}""", isData: false);

        var error = await Assert.ThrowsAsync<WebSocketResponseException>(() => call.WaitAsync(Generous));
        Assert.Contains("did not deserialize into CpWebSocket.Tests.Messaging.Requests.WorkDone", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"many\"", error.RawText, StringComparison.Ordinal);
        Assert.True(client.IsOpen);
        Assert.Equal(new WorkDone(2), await client.WorkAsync(new Work(2)));
    }
}
