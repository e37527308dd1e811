using CpWebSocket.Hosting.Tests.Clients;
using CpWebSocket.Hosting.Tests.Server;
using CpWebSocket.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CpWebSocket.Hosting.Tests.Health;

public sealed class HealthCheckTests
{
    [Fact]
    public async Task An_open_client_is_Healthy()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        await using var services = Services(options => options.Url = server.Url("/echo?token=secret"));
        await services.GetRequiredService<EchoClient>().OpenAsync().WaitAsync(WebSocketTestServer.Timeout);

        var entry = await CheckAsync(services);

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal($"EchoClient is open to ws://127.0.0.1:{server.Port}/echo.", entry.Description);
        Assert.Equal("Open", entry.Data["status"]);
        Assert.Equal($"ws://127.0.0.1:{server.Port}/echo", entry.Data["url"]);
    }

    [Fact]
    public async Task A_client_in_its_opening_handshake_is_Degraded()
    {
        using var peer = new SilentTcpPeer();
        await using var services = Services(options => options.Url = peer.Url);
        services.GetRequiredService<EchoClient>().Open();

        var entry = await CheckAsync(services);

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.Equal($"EchoClient is connecting to {peer.Url}.", entry.Description);
        Assert.Equal("Opening", entry.Data["status"]);
    }

    [Fact]
    public async Task A_client_that_lost_its_connection_and_will_reconnect_is_Degraded_then_Healthy_once_back()
    {
        var server = await WebSocketTestServer.StartAsync();
        var port = server.Port;
        await using var services = Services(options =>
        {
            options.Url = server.Url();
            options.Connection.Reconnect = new ReconnectPolicy { MaxAttempts = 1000, InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(250) };
        });
        var client = services.GetRequiredService<EchoClient>();
        await client.OpenAsync().WaitAsync(WebSocketTestServer.Timeout);

        await server.DisposeAsync();
        var lost = await Eventually.UntilAsync(() => CheckAsync(services), entry => entry.Status != HealthStatus.Healthy, "the loss to show");
        await using var restarted = await WebSocketTestServer.StartAsync(port);
        var back = await Eventually.UntilAsync(() => CheckAsync(services), entry => entry.Status == HealthStatus.Healthy, "the client to be back");

        Assert.Equal(HealthStatus.Degraded, lost.Status);
        Assert.Matches("^EchoClient (lost its connection to .* and will reconnect|is reconnecting to |is closing its connection to )", lost.Description);
        Assert.Equal($"EchoClient is open to ws://127.0.0.1:{port}/echo.", back.Description);
    }

    [Fact]
    public async Task A_client_waiting_for_its_next_reconnect_attempt_is_Degraded_and_says_why()
    {
        var server = await WebSocketTestServer.StartAsync();
        await using var services = Services(options =>
        {
            options.Url = server.Url();
            options.Connection.Reconnect = new ReconnectPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMinutes(5), MaxDelay = TimeSpan.FromMinutes(5) };
        });
        var client = services.GetRequiredService<EchoClient>();
        await client.OpenAsync().WaitAsync(WebSocketTestServer.Timeout);

        await server.DisposeAsync();
        var entry = await Eventually.UntilAsync(() => CheckAsync(services), result => (string)result.Data["status"] == "Closed", "the connection to close");

        Assert.Equal(HealthStatus.Degraded, entry.Status);
        Assert.StartsWith($"EchoClient lost its connection to {server.Url()} and will reconnect", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_closed_while_waiting_for_its_next_reconnect_attempt_is_Unhealthy()
    {
        var server = await WebSocketTestServer.StartAsync();
        await using var services = Services(options =>
        {
            options.Url = server.Url();
            options.Connection.Reconnect = new ReconnectPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromMinutes(5), MaxDelay = TimeSpan.FromMinutes(5) };
        });
        var client = services.GetRequiredService<EchoClient>();
        await client.OpenAsync().WaitAsync(WebSocketTestServer.Timeout);
        await server.DisposeAsync();
        await Eventually.UntilAsync(() => CheckAsync(services), result => result.Status == HealthStatus.Degraded && (string)result.Data["status"] == "Closed", "the wait for a reconnect");

        await client.CloseAsync().WaitAsync(WebSocketTestServer.Timeout);
        var entry = await CheckAsync(services);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("EchoClient is closed and will not reconnect", entry.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_whose_Closed_event_is_still_on_its_way_is_ending_not_closed_for_good()
    {
        var server = await WebSocketTestServer.StartAsync();
        await using var services = Services(options => options.Url = server.Url());
        var client = services.GetRequiredService<EchoClient>();
        await client.OpenAsync().WaitAsync(WebSocketTestServer.Timeout);
        using var errorDelivered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        client.Error += _ =>
        {
            errorDelivered.Set();
            release.Wait(WebSocketTestServer.Timeout); // events are serial: Closed waits behind this handler
        };

        await server.DisposeAsync();
        Assert.True(errorDelivered.Wait(WebSocketTestServer.Timeout));
        var statusWhileEnding = client.Status;
        var ending = await CheckAsync(services);
        release.Set();
        var ended = await Eventually.UntilAsync(() => CheckAsync(services), entry => entry.Status != HealthStatus.Degraded, "the Closed event");

        Assert.Equal(WebSocketStatus.Closed, statusWhileEnding);
        Assert.Equal((HealthStatus.Degraded, "Closing"), (ending.Status, ending.Data["status"]));
        Assert.Equal((HealthStatus.Unhealthy, "Closed"), (ended.Status, ended.Data["status"]));
    }

    [Fact]
    public async Task A_client_closed_with_no_reconnect_to_come_reports_the_failure_status()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        await using var services = Services(options => options.Url = server.Url());
        var client = services.GetRequiredService<EchoClient>();
        await client.OpenAsync().WaitAsync(WebSocketTestServer.Timeout);

        await client.CloseAsync().WaitAsync(WebSocketTestServer.Timeout);
        var entry = await CheckAsync(services);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("EchoClient is closed and will not reconnect: this app closed it.", entry.Description);
    }

    [Fact]
    public async Task A_client_that_could_not_connect_is_Unhealthy_and_the_failure_shown_has_no_secret()
    {
        var url = new Uri($"ws://user:password@127.0.0.1:{FreePort.Find()}/echo?token=secret");
        await using var services = Services(options => options.Url = url);
        var client = services.GetRequiredService<EchoClient>();
        await Assert.ThrowsAsync<WebSocketConnectException>(() => client.OpenAsync().WaitAsync(WebSocketTestServer.Timeout));

        var entry = await CheckAsync(services);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.StartsWith("EchoClient is closed and will not reconnect: Could not connect to ws://127.0.0.1:", entry.Description, StringComparison.Ordinal);
        Assert.Contains("Could not connect", (string)entry.Data["lastError"], StringComparison.Ordinal);
        var everything = entry.Description + string.Join(' ', entry.Data.Values);
        Assert.DoesNotContain("secret", everything, StringComparison.Ordinal);
        Assert.DoesNotContain("password", everything, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_never_opened_is_Unhealthy_and_says_so()
    {
        await using var services = Services(options => options.Url = new Uri("ws://127.0.0.1:9/echo"));

        var entry = await CheckAsync(services);

        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("EchoClient is closed: it has not been opened.", entry.Description);
    }

    [Fact]
    public async Task The_registrations_failure_status_replaces_Unhealthy()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddWebSocketClient<EchoClient>(options => options.Url = new Uri("ws://127.0.0.1:9/echo"));
        services.AddHealthChecks().AddWebSocketClient<EchoClient>(name: "echo", failureStatus: HealthStatus.Degraded, tags: ["ready"]);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains("ready"));

        Assert.Equal(HealthStatus.Degraded, report.Entries["echo"].Status);
    }

    [Fact]
    public async Task A_named_client_is_checked_under_its_own_name()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var services = new ServiceCollection().AddLogging();
        services.AddWebSocketClient<EchoClient>("eu", options => options.Url = server.Url("/eu"));
        services.AddWebSocketClient<EchoClient>("us", options => options.Url = server.Url("/us"));
        services.AddHealthChecks().AddWebSocketClient<EchoClient>("eu").AddWebSocketClient<EchoClient>("us");
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredKeyedService<EchoClient>("eu").OpenAsync().WaitAsync(WebSocketTestServer.Timeout);

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Entries["EchoClient:eu"].Status);
        Assert.Equal($"EchoClient 'eu' is open to {server.Url("/eu")}.", report.Entries["EchoClient:eu"].Description);
        Assert.Equal(HealthStatus.Unhealthy, report.Entries["EchoClient:us"].Status);
    }

    [Fact]
    public async Task A_check_of_a_client_that_is_not_registered_fails_with_what_to_register()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHealthChecks().AddWebSocketClient<EchoClient>("eu");
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["EchoClient:eu"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Equal("No websocket client EchoClient 'eu' is registered: register it with AddWebSocketClient<EchoClient>(\"eu\", ...).", entry.Description);
    }

    private static ServiceProvider Services(Action<WebSocketClientOptions> configure)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddWebSocketClient<EchoClient>(configure);
        services.AddHealthChecks().AddWebSocketClient<EchoClient>();
        return services.BuildServiceProvider();
    }

    private static async Task<HealthReportEntry> CheckAsync(IServiceProvider services)
    {
        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return report.Entries["EchoClient"];
    }
}
