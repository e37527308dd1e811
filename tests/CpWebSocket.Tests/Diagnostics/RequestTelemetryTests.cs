using System.Diagnostics;
using CpWebSocket.Tests.Messaging.Requests;
using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Diagnostics;

/// <summary>Request duration, active requests and the request span, over generated clients talking to Kestrel's <c>/respond</c>.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class RequestTelemetryTests(TestServerFixture fixture)
{
    private const string RequestDuration = "cpwebsocket.client.request.duration";
    private const string ActiveRequests = "cpwebsocket.client.active_requests";

    [Fact]
    public async Task An_answered_request_records_its_duration_by_contract_and_is_active_while_it_waits()
    {
        using var metrics = new MetricRecorder();
        await using var client = new WorkClient(fixture.Server.WsUri("/respond"), metrics.Options());
        await client.OpenAsync();

        await client.WorkAsync(new Work(5));

        var duration = Assert.Single(metrics.Of(RequestDuration));
        Assert.True(duration.Value > 0);
        Assert.Equal("Work", duration.Tag("cpwebsocket.request.contract"));
        Assert.Null(duration.Tag("error.type"));
        Assert.Equal(fixture.Server.Port, duration.Tag("server.port"));
        var active = metrics.Of(ActiveRequests);
        Assert.Equal([1d, -1d], active.Select(m => m.Value));
        Assert.All(active, m => Assert.Equal("Work", m.Tag("cpwebsocket.request.contract")));
    }

    [Fact]
    public async Task A_request_span_runs_from_the_send_to_the_response_under_the_callers_activity()
    {
        using var spans = new ActivityRecorder();
        await using var client = new WorkClient(fixture.Server.WsUri("/respond"));
        await client.OpenAsync();

        await client.WorkAsync(new Work(5));

        var request = await spans.WaitForAsync(a => a.OperationName == "WorkClient/Work");
        Assert.Equal(ActivityKind.Client, request.Kind);
        Assert.Equal(spans.Root.SpanId, request.ParentSpanId);
        Assert.Equal(ActivityStatusCode.Unset, request.Status);
        Assert.Equal("Work", request.GetTagItem("cpwebsocket.request.contract"));
        Assert.Equal(1L, request.GetTagItem("cpwebsocket.request.id"));
        Assert.Equal("127.0.0.1", request.GetTagItem("server.address"));
    }

    [Fact]
    public async Task A_request_that_times_out_is_recorded_and_traced_as_a_timeout()
    {
        using var metrics = new MetricRecorder();
        using var spans = new ActivityRecorder();
        await using var client = new WorkClient(fixture.Server.WsUri("/respond"), metrics.Options());
        await client.OpenAsync();

        await Assert.ThrowsAsync<WebSocketRequestTimeoutException>(() => client.QuickWorkAsync(new QuickWork(1, Silent: true)));

        Assert.Equal("timeout", Assert.Single(metrics.Of(RequestDuration)).Tag("error.type"));
        Assert.Equal(0, metrics.Of(ActiveRequests).Sum(m => m.Value));
        var request = await spans.WaitForAsync(a => a.OperationName == "WorkClient/QuickWork");
        Assert.Equal(ActivityStatusCode.Error, request.Status);
        Assert.Equal("timeout", request.GetTagItem("error.type"));
        Assert.Contains(request.Events, e => e.Name == "exception");
    }

    [Fact]
    public async Task A_request_whose_connection_drops_is_recorded_as_aborted()
    {
        using var metrics = new MetricRecorder();
        await using var client = new WorkClient(fixture.Server.WsUri("/respond"), metrics.Options());
        await client.OpenAsync();

        await Assert.ThrowsAsync<WebSocketRequestAbortedException>(() => client.WorkAsync(new Work(1, Close: true)).WaitAsync(TestTimeouts.Generous));

        Assert.Equal("aborted", Assert.Single(await metrics.WaitForAsync(RequestDuration)).Tag("error.type"));
    }

    [Fact]
    public async Task A_request_the_caller_cancels_is_recorded_as_canceled()
    {
        using var metrics = new MetricRecorder();
        await using var client = new WorkClient(fixture.Server.WsUri("/respond"), metrics.Options());
        await client.OpenAsync();
        using var cancel = new CancellationTokenSource();

        var waiting = client.WorkAsync(new Work(1, Silent: true), cancel.Token);
        await metrics.WaitForAsync(ActiveRequests);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.Equal("canceled", Assert.Single(await metrics.WaitForAsync(RequestDuration)).Tag("error.type"));
    }

    [Fact]
    public async Task A_declared_error_response_is_recorded_as_a_server_error()
    {
        using var metrics = new MetricRecorder();
        await using var client = new JobClient(fixture.Server.WsUri("""/respond?reply=error&merge={"message":"no such job"}"""), metrics.Options());
        await client.OpenAsync();

        await Assert.ThrowsAsync<WebSocketResponseException<ErrorReply>>(() => client.JobAsync(new Job(4)));

        var duration = Assert.Single(await metrics.WaitForAsync(RequestDuration));
        Assert.Equal("server_error", duration.Tag("error.type"));
        Assert.Equal("Job", duration.Tag("cpwebsocket.request.contract"));
    }

    [Fact]
    public async Task A_response_that_carries_the_servers_error_is_recorded_and_traced_as_a_server_error()
    {
        using var metrics = new MetricRecorder();
        using var spans = new ActivityRecorder();
        await using var client = new RpcWorkClient(fixture.Server.WsUri("/respond?shape=rpc&discriminator=method&payload=params"), metrics.Options());
        await client.OpenAsync();

        await Assert.ThrowsAsync<WebSocketResponseException<RpcError>>(() => client.RpcWorkAsync(new RpcWork(3, Fail: "no such room")));
        await client.RpcWorkAsync(new RpcWork(4));

        Assert.Equal(["server_error", null], metrics.Of(RequestDuration).Select(m => m.Tag("error.type")));
        var failed = await spans.WaitForAsync(a => a.OperationName == "RpcWorkClient/RpcWork" && Equals(a.GetTagItem("cpwebsocket.request.id"), 1L));
        Assert.Equal(ActivityStatusCode.Error, failed.Status);
        Assert.Equal("server_error", failed.GetTagItem("error.type"));
    }

    [Fact]
    public async Task A_request_on_a_closed_connection_is_recorded_as_send_failed()
    {
        using var metrics = new MetricRecorder();
        await using var client = new WorkClient(fixture.Server.WsUri("/respond"), metrics.Options());

        await Assert.ThrowsAsync<WebSocketSendException>(() => client.WorkAsync(new Work(1)));

        Assert.Equal("send_failed", Assert.Single(metrics.Of(RequestDuration)).Tag("error.type"));
    }
}
