using System.Text.Json;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>
/// Reconnect policy v2: a failed first connect retried when the policy says so, unlimited attempts, and each attempt's
/// address and headers chosen by an <c>OnConnecting</c> hook that sees its number and cause.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ReconnectAttemptTests(TestServerFixture fixture)
{
    private static readonly TimeSpan Generous = TestServer.DefaultTimeout;

    [Fact]
    public async Task A_failed_first_connect_is_retried_past_any_count_and_each_attempt_chooses_its_url_and_headers()
    {
        var options = new HttpWebSocketOptions
        {
            Reconnect = new ReconnectPolicy
            {
                RetryFirstConnect = true,
                MaxAttempts = ReconnectPolicy.Unlimited,
                InitialDelay = TimeSpan.FromMilliseconds(5),
                MaxDelay = TimeSpan.FromMilliseconds(20),
            },
        };
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/reject?status=503"), events.Callback, options);
        var causes = new List<string?>();
        socket.OnConnecting((connect, _) =>
        {
            causes.Add(connect.Cause?.Error?.Kind.ToString());
            if (connect.Attempt >= 7)
            {
                connect.Url = fixture.Server.WsUri("/headers");
                connect.RequestHeaders["Authorization"] = $"Bearer token-{connect.Attempt}";
            }

            return default;
        });

        await socket.OpenAsync().WaitAsync(Generous);
        await events.WaitForAsync(WebSocketEvent.Message);

        using var sent = JsonDocument.Parse(events.Of(WebSocketEvent.Message)[0].Text!);
        Assert.Equal("Bearer token-7", sent.RootElement.GetProperty("authorization").GetString());
        Assert.Equal([null, .. Enumerable.Repeat("Connect", 7)], causes);
        Assert.Equal(7, events.Of(WebSocketEvent.Closed).Count(c => c.Close!.Value.WillReconnect));
    }

    [Fact]
    public async Task Without_retry_first_connect_a_failed_first_connect_fails_the_open_and_is_not_retried()
    {
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(
            fixture.Server.WsUri("/reject?status=503"),
            events.Callback,
            new HttpWebSocketOptions { Reconnect = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(5) } });

        await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync().WaitAsync(Generous));

        Assert.False(Assert.Single(events.Of(WebSocketEvent.Closed)).Close!.Value.WillReconnect);
        Assert.False(socket.IsReconnectPending);
    }

    [Fact]
    public async Task A_stop_predicate_that_throws_stops_reconnecting_and_says_so()
    {
        var events = new EventRecorder();
        var options = new HttpWebSocketOptions
        {
            Reconnect = new ReconnectPolicy { RetryFirstConnect = true, ShouldReconnect = _ => throw new InvalidOperationException("predicate bug") },
        };
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/reject?status=503"), events.Callback, options);

        await Assert.ThrowsAsync<WebSocketConnectException>(() => socket.OpenAsync().WaitAsync(Generous));

        Assert.Contains(events.Of(WebSocketEvent.Error), e => e.Error!.Kind == WebSocketErrorKind.Callback && e.Error.Message.Contains("ShouldReconnect", StringComparison.Ordinal));
        Assert.False(Assert.Single(events.Of(WebSocketEvent.Closed)).Close!.Value.WillReconnect);
    }
}
