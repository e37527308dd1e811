using System.Net.WebSockets;
using CpWebSocket.Hosting.Tests.Clients;
using CpWebSocket.Hosting.Tests.Server;
using CpWebSocket.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace CpWebSocket.Hosting.Tests.Lifetime;

public sealed class HostedLifetimeTests
{
    [Fact]
    public async Task With_reconnection_the_host_starts_while_the_server_is_down_and_the_client_opens_once_it_is_up()
    {
        var port = FreePort.Find();
        var builder = TestHosts.CreateBuilder($$"""
            {
              "Echo": {
                "Url": "ws://127.0.0.1:{{port}}/echo",
                "Reconnect": { "MaxAttempts": 1000, "InitialDelay": "00:00:00.050", "MaxDelay": "00:00:00.250" }
              }
            }
            """);
        builder.Services.AddWebSocketClient<EchoClient>(builder.Configuration.GetSection("Echo")).AddHostedLifetime();
        builder.Services.AddHealthChecks().AddWebSocketClient<EchoClient>();
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<EchoClient>();
        var connectErrors = 0;
        client.Error += error => Interlocked.Add(ref connectErrors, error.Kind == WebSocketErrorKind.Connect ? 1 : 0);

        await host.StartAsync().WaitAsync(WebSocketTestServer.Timeout);
        await Eventually.UntilAsync(() => Volatile.Read(ref connectErrors), errors => errors >= 2, "two failed connects to the server that is down");
        var whileDown = await CheckAsync(host);

        await using var server = await WebSocketTestServer.StartAsync(port);
        var connection = await server.NextConnectionAsync();
        await Eventually.UntilAsync(() => client.Status, status => status == WebSocketStatus.Open, "the client to open");
        var whileUp = await CheckAsync(host);
        await client.SendAsync(new Note("up"));
        await host.StopAsync().WaitAsync(WebSocketTestServer.Timeout);

        Assert.Equal(HealthStatus.Degraded, whileDown.Status);
        Assert.Equal(HealthStatus.Healthy, whileUp.Status);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await connection.Ended.WaitAsync(WebSocketTestServer.Timeout));
        Assert.Equal(["""{"type":"note","text":"up"}"""], connection.Received);
        Assert.Equal(WebSocketStatus.Closed, client.Status);
    }

    [Fact]
    public async Task Without_reconnection_the_start_waits_for_the_connection_and_the_stop_closes_it_with_a_normal_close_handshake()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var builder = TestHosts.CreateBuilder();
        builder.Services.AddWebSocketClient<EchoClient>(options => options.Url = server.Url()).AddHostedLifetime();
        using var host = builder.Build();

        await host.StartAsync().WaitAsync(WebSocketTestServer.Timeout);
        var client = host.Services.GetRequiredService<EchoClient>();
        var openAfterStart = client.IsOpen;
        var connection = await server.NextConnectionAsync();
        await host.StopAsync().WaitAsync(WebSocketTestServer.Timeout);

        Assert.True(openAfterStart);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await connection.Ended.WaitAsync(WebSocketTestServer.Timeout));
        Assert.Equal(WebSocketStatus.Closed, client.Status);
    }

    [Fact]
    public async Task Without_reconnection_a_server_that_is_down_fails_the_start_with_a_message_that_says_what_to_do()
    {
        var builder = TestHosts.CreateBuilder();
        builder.Services.AddWebSocketClient<EchoClient>(options => options.Url = new Uri($"ws://127.0.0.1:{FreePort.Find()}/echo")).AddHostedLifetime();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<WebSocketConnectException>(() => host.StartAsync().WaitAsync(WebSocketTestServer.Timeout));

        Assert.StartsWith("The websocket client EchoClient could not open when the host started: Could not connect to ws://127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("set Reconnect in its options", error.Message, StringComparison.Ordinal);
        Assert.IsType<WebSocketConnectException>(error.InnerException);
    }

    [Fact]
    public async Task A_worker_registered_first_finds_the_client_open_and_can_still_send_while_it_stops()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var builder = TestHosts.CreateBuilder();
        builder.Services.AddHostedService<GoodbyeWorker>();
        builder.Services.AddWebSocketClient<EchoClient>(options => options.Url = server.Url()).AddHostedLifetime();
        using var host = builder.Build();
        var worker = host.Services.GetServices<IHostedService>().OfType<GoodbyeWorker>().Single();

        await host.StartAsync().WaitAsync(WebSocketTestServer.Timeout);
        var connection = await server.NextConnectionAsync();
        await host.StopAsync().WaitAsync(WebSocketTestServer.Timeout);

        Assert.True(worker.FoundOpen);
        Assert.Equal(["""{"type":"note","text":"goodbye"}"""], connection.Received);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await connection.Ended.WaitAsync(WebSocketTestServer.Timeout));
    }

    [Fact]
    public async Task A_first_connect_that_keeps_failing_is_retried_at_most_MaxAttempts_times_then_the_client_stays_closed()
    {
        var builder = TestHosts.CreateBuilder();
        builder.Services
            .AddWebSocketClient<EchoClient>(options =>
            {
                options.Url = new Uri($"ws://127.0.0.1:{FreePort.Find()}/echo");
                options.Connection.Reconnect = new ReconnectPolicy { MaxAttempts = 2, InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(40) };
            })
            .AddHostedLifetime();
        builder.Services.AddHealthChecks().AddWebSocketClient<EchoClient>();
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<EchoClient>();
        var openings = 0;
        client.Opening += () => Interlocked.Increment(ref openings);

        await host.StartAsync().WaitAsync(WebSocketTestServer.Timeout);
        var report = await Eventually.UntilAsync(() => CheckAsync(host), result => result.Status == HealthStatus.Unhealthy, "the client to give up");
        await Task.Delay(200); // no further attempt after giving up
        await host.StopAsync().WaitAsync(WebSocketTestServer.Timeout);

        Assert.Equal(3, Volatile.Read(ref openings));
        Assert.Contains("is closed and will not reconnect: Could not connect to", report.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stopping_the_host_while_a_first_connect_retry_waits_cancels_it()
    {
        var port = FreePort.Find();
        var builder = TestHosts.CreateBuilder();
        builder.Services
            .AddWebSocketClient<EchoClient>(options =>
            {
                options.Url = new Uri($"ws://127.0.0.1:{port}/echo");
                options.Connection.Reconnect = new ReconnectPolicy { MaxAttempts = 5, InitialDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(1), Jitter = 0 };
            })
            .AddHostedLifetime();
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<EchoClient>();
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Closed += _ => failed.TrySetResult();

        await host.StartAsync().WaitAsync(WebSocketTestServer.Timeout);
        await failed.Task.WaitAsync(WebSocketTestServer.Timeout);
        await host.StopAsync().WaitAsync(WebSocketTestServer.Timeout);
        await using var server = await WebSocketTestServer.StartAsync(port);
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the retry's delay

        Assert.Equal(WebSocketStatus.Closed, client.Status);
    }

    private static async Task<HealthReportEntry> CheckAsync(IHost host)
    {
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["EchoClient"];
    }

    /// <summary>Checks in <c>StartAsync</c> that the client is open, and sends a last message in <c>StopAsync</c>.</summary>
    private sealed class GoodbyeWorker(EchoClient client) : IHostedService
    {
        public bool FoundOpen { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            FoundOpen = client.IsOpen;
            return Task.CompletedTask;
        }

        public async Task StopAsync(CancellationToken cancellationToken) => await client.SendAsync(new Note("goodbye"), cancellationToken);
    }
}
