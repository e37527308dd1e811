using System.Net.WebSockets;
using CpWebSocket.Hosting.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CpWebSocket.Hosting.Tests.Health;

/// <summary>Every state the health check can meet, including those a live test cannot hold still (closing, waiting to retry).</summary>
public sealed class ConnectionHealthTests
{
    private static readonly Uri Url = new("wss://user:pw@feed.example:8443/v1?token=secret");
    private static readonly WebSocketErrorInfo ConnectFailure = new(WebSocketErrorKind.Connect, $"Could not connect to {Url}: Connection refused.");

    private static readonly (ConnectionState State, HealthStatus Expected, string Description)[] States =
    [
        (new(WebSocketStatus.Open, true, false, null, null), HealthStatus.Healthy, "Feed is open to wss://feed.example:8443/v1."),
        (new(WebSocketStatus.Opening, false, false, null, null), HealthStatus.Degraded, "Feed is connecting to wss://feed.example:8443/v1."),
        (new(WebSocketStatus.Opening, true, false, null, null), HealthStatus.Degraded, "Feed is reconnecting to wss://feed.example:8443/v1."),
        (new(WebSocketStatus.Closing, true, false, null, null), HealthStatus.Degraded, "Feed is closing its connection to wss://feed.example:8443/v1."),
        (
            new(WebSocketStatus.Closed, false, true, ConnectFailure, null), HealthStatus.Degraded,
            "Feed could not connect to wss://feed.example:8443/v1 yet and will retry: Could not connect to wss://feed.example:8443/v1: Connection refused."),
        (
            new(WebSocketStatus.Closed, true, true, null, new WebSocketCloseInfo(WebSocketCloseStatus.EndpointUnavailable, "restart", ByPeer: true, WillReconnect: true)),
            HealthStatus.Degraded, "Feed lost its connection to wss://feed.example:8443/v1 and will reconnect."),
        (new(WebSocketStatus.Closed, false, false, null, null), HealthStatus.Unhealthy, "Feed is closed: it has not been opened."),
        (
            new(WebSocketStatus.Closed, true, false, null, new WebSocketCloseInfo(WebSocketCloseStatus.NormalClosure, null, ByPeer: true, WillReconnect: false)),
            HealthStatus.Unhealthy, "Feed is closed and will not reconnect: the server closed it with 1000 NormalClosure."),
        (
            new(WebSocketStatus.Closed, false, false, ConnectFailure, new WebSocketCloseInfo(null, null, ByPeer: false, WillReconnect: false)),
            HealthStatus.Unhealthy, "Feed is closed and will not reconnect: Could not connect to wss://feed.example:8443/v1: Connection refused."),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void Each_state_has_its_status_and_a_sentence_without_secrets(int index)
    {
        var (state, expected, description) = States[index];
        var result = ConnectionHealth.Evaluate("Feed", Url, state, HealthStatus.Unhealthy);

        Assert.Equal(expected, result.Status);
        Assert.Equal(description, result.Description);
        Assert.Equal(state.Status.ToString(), result.Data[ConnectionHealth.StatusKey]);
        Assert.Equal("wss://feed.example:8443/v1", result.Data[ConnectionHealth.UrlKey]);
        Assert.Equal(state.LastFailure is not null, result.Data.ContainsKey(ConnectionHealth.LastErrorKey));
    }
}
