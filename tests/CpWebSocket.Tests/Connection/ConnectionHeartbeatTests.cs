using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>A connection-scoped heartbeat: beats every interval and at once when asked, and stops when its connection ends.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ConnectionHeartbeatTests(TestServerFixture fixture)
{
    private static readonly TimeSpan Generous = TestServer.DefaultTimeout;

    [Fact]
    public async Task A_heartbeat_beats_every_interval_while_its_connection_lasts_and_stops_when_it_ends()
    {
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback);
        await socket.OpenAsync().WaitAsync(Generous);

        using var heartbeat = socket.StartHeartbeat(TimeSpan.FromMilliseconds(20), ct => socket.SendAsync("beat", isData: false, ct));
        await events.WaitForAsync(WebSocketEvent.Message, 3);
        Assert.True(heartbeat.IsRunning);
        await socket.CloseAsync().WaitAsync(Generous);

        Assert.False(heartbeat.IsRunning);
        Assert.All(events.Of(WebSocketEvent.Message), m => Assert.Equal("beat", m.Text));
        Assert.DoesNotContain(events.Of(WebSocketEvent.Error), e => e.Error!.Kind == WebSocketErrorKind.Callback);
    }

    [Fact]
    public async Task BeatNow_beats_at_once_and_a_heartbeat_started_while_closed_never_beats()
    {
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback);
        var beats = 0;
        using var early = socket.StartHeartbeat(TimeSpan.FromMilliseconds(1), _ =>
        {
            Interlocked.Increment(ref beats);
            return default;
        });
        await socket.OpenAsync().WaitAsync(Generous);

        using var heartbeat = socket.StartHeartbeat(TimeSpan.FromHours(1), ct => socket.SendAsync("now", isData: false, ct));
        heartbeat.BeatNow();
        await events.WaitForAsync(WebSocketEvent.Message);

        Assert.Equal("now", events.Of(WebSocketEvent.Message)[0].Text);
        Assert.False(early.IsRunning);
        Assert.Equal(0, beats);
    }

    [Fact]
    public async Task A_beat_that_throws_is_an_error_and_the_heartbeat_goes_on()
    {
        var events = new EventRecorder();
        await using var socket = new HttpWebSocket(fixture.Server.WsUri("/echo"), events.Callback);
        await socket.OpenAsync().WaitAsync(Generous);
        var beats = 0;

        using var heartbeat = socket.StartHeartbeat(TimeSpan.FromMilliseconds(10), ct =>
            Interlocked.Increment(ref beats) == 1 ? throw new InvalidOperationException("beat bug") : socket.SendAsync("second", isData: false, ct));
        await events.WaitForAsync(WebSocketEvent.Message);

        var error = Assert.Single(events.Of(WebSocketEvent.Error)).Error!;
        Assert.Equal(WebSocketErrorKind.Callback, error.Kind);
        Assert.Contains("beat bug", error.Message, StringComparison.Ordinal);
        Assert.True(heartbeat.IsRunning);
    }
}
