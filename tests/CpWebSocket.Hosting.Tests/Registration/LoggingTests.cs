using CpWebSocket.Hosting.Tests.Clients;
using CpWebSocket.Hosting.Tests.Server;
using CpWebSocket.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CpWebSocket.Hosting.Tests.Registration;

public sealed class LoggingTests
{
    [Fact]
    public async Task A_client_logs_through_the_apps_logger_factory_under_its_type_name()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var recording = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(recording).SetMinimumLevel(LogLevel.Debug));
        services.AddWebSocketClient<EchoClient>(options => options.Url = server.Url("/echo?token=secret"));
        services.AddWebSocketClient<EchoClient>("eu", options => options.Url = server.Url("/eu"));
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<EchoClient>().OpenAsync().WaitAsync(WebSocketTestServer.Timeout);
        await provider.GetRequiredKeyedService<EchoClient>("eu").OpenAsync().WaitAsync(WebSocketTestServer.Timeout);

        var entries = recording.Entries;
        Assert.Contains(entries, entry => entry is { Category: "CpWebSocket.Hosting.Tests.Clients.EchoClient", Level: LogLevel.Debug } && entry.Text.StartsWith("Opened ws://127.0.0.1", StringComparison.Ordinal));
        Assert.Contains(entries, entry => entry.Category == "CpWebSocket.Hosting.Tests.Clients.EchoClient.eu" && entry.Text.StartsWith("Opened ", StringComparison.Ordinal));
        Assert.DoesNotContain(entries, entry => entry.Text.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_logger_set_in_the_options_is_kept()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var fromServices = new RecordingLoggerProvider();
        var own = new RecordingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(fromServices).SetMinimumLevel(LogLevel.Debug));
        services.AddWebSocketClient<EchoClient>(options =>
        {
            options.Url = server.Url();
            options.Connection.Logger = own.CreateLogger("mine");
        });
        await using var provider = services.BuildServiceProvider();

        await provider.GetRequiredService<EchoClient>().OpenAsync().WaitAsync(WebSocketTestServer.Timeout);

        Assert.Contains(own.Entries, entry => entry.Category == "mine" && entry.Text.StartsWith("Opened ", StringComparison.Ordinal));
        Assert.DoesNotContain(fromServices.Entries, entry => entry.Category.Contains("EchoClient", StringComparison.Ordinal));
    }
}
