using CpWebSocket.Hosting.Tests.Clients;
using CpWebSocket.Hosting.Tests.Server;
using CpWebSocket.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CpWebSocket.Hosting.Tests.Registration;

public sealed class NamedClientTests
{
    [Fact]
    public async Task Two_named_clients_of_one_type_talk_to_their_own_servers()
    {
        await using var eu = await WebSocketTestServer.StartAsync();
        await using var us = await WebSocketTestServer.StartAsync();
        var builder = TestHosts.CreateBuilder($$"""
            {
              "Echo": {
                "Eu": { "Url": "{{eu.Url("/eu")}}", "RequestHeaders": { "X-Region": "eu" } },
                "Us": { "Url": "{{us.Url("/us")}}", "RequestHeaders": { "X-Region": "us" } }
              }
            }
            """);
        builder.Services.AddWebSocketClient<EchoClient>("eu", builder.Configuration.GetSection("Echo:Eu"));
        builder.Services.AddWebSocketClient<EchoClient>("us", builder.Configuration.GetSection("Echo:Us"));
        await using var provider = builder.Services.BuildServiceProvider();

        var euClient = provider.GetRequiredKeyedService<EchoClient>("eu");
        var usClient = provider.GetRequiredKeyedService<EchoClient>("us");
        await euClient.OpenAsync().WaitAsync(WebSocketTestServer.Timeout);
        await usClient.OpenAsync().WaitAsync(WebSocketTestServer.Timeout);
        var atEu = await eu.NextConnectionAsync();
        var atUs = await us.NextConnectionAsync();

        Assert.NotSame(euClient, usClient);
        Assert.Same(euClient, provider.GetRequiredKeyedService<EchoClient>("eu"));
        Assert.Equal(("/eu", "eu"), (atEu.Path, atEu.Headers["x-region"]));
        Assert.Equal(("/us", "us"), (atUs.Path, atUs.Headers["x-region"]));
        Assert.Null(provider.GetService<EchoClient>());
    }

    [Fact]
    public void A_name_resolves_through_FromKeyedServices()
    {
        var services = new ServiceCollection();
        services.AddWebSocketClient<EchoClient>("eu", options => options.Url = new Uri("ws://127.0.0.1:9/eu"));
        services.AddSingleton<RegionalFeed>();
        using var provider = services.BuildServiceProvider();

        var feed = provider.GetRequiredService<RegionalFeed>();

        Assert.Equal(new Uri("ws://127.0.0.1:9/eu"), feed.Client.Url);
        Assert.Same(provider.GetRequiredKeyedService<EchoClient>("eu"), feed.Client);
    }

    [Fact]
    public void Clients_of_different_types_with_one_name_keep_their_own_options()
    {
        var services = new ServiceCollection();
        var echo = services.AddWebSocketClient<EchoClient>("eu", options => options.Url = new Uri("ws://127.0.0.1:9/echo"));
        var raw = services.AddWebSocketClient<HttpWebSocket>("eu", options => options.Url = new Uri("ws://127.0.0.1:9/raw"));
        using var provider = services.BuildServiceProvider();

        Assert.NotEqual(echo.OptionsName, raw.OptionsName);
        Assert.Equal("CpWebSocket.Hosting.Tests.Clients.EchoClient:eu", echo.OptionsName);
        Assert.Equal(new Uri("ws://127.0.0.1:9/echo"), provider.GetRequiredKeyedService<EchoClient>("eu").Url);
        Assert.Equal(new Uri("ws://127.0.0.1:9/raw"), provider.GetRequiredKeyedService<HttpWebSocket>("eu").Url);
        Assert.Equal(new Uri("ws://127.0.0.1:9/echo"), provider.GetRequiredService<IOptionsMonitor<WebSocketClientOptions>>().Get(echo.OptionsName).Url);
    }

    [Fact]
    public void The_unnamed_client_and_a_named_one_are_separate_singletons()
    {
        var services = new ServiceCollection();
        services.AddWebSocketClient<EchoClient>(options => options.Url = new Uri("ws://127.0.0.1:9/default"));
        services.AddWebSocketClient<EchoClient>("backup", options => options.Url = new Uri("ws://127.0.0.1:9/backup"));
        using var provider = services.BuildServiceProvider();

        var unnamed = provider.GetRequiredService<EchoClient>();

        Assert.Same(unnamed, provider.GetRequiredService<EchoClient>());
        Assert.Equal(new Uri("ws://127.0.0.1:9/default"), unnamed.Url);
        Assert.Equal(new Uri("ws://127.0.0.1:9/backup"), provider.GetRequiredKeyedService<EchoClient>("backup").Url);
    }

    [Fact]
    public void Registering_a_name_twice_adds_configuration_to_one_client()
    {
        var services = new ServiceCollection();
        services.AddWebSocketClient<EchoClient>("eu", options => options.Url = new Uri("ws://127.0.0.1:9/first"));
        services.AddWebSocketClient<EchoClient>("eu", options => options.Connection.MaxMessageSize = 1024);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<WebSocketClientOptions>>().Get("CpWebSocket.Hosting.Tests.Clients.EchoClient:eu");

        Assert.Equal(new Uri("ws://127.0.0.1:9/first"), provider.GetRequiredKeyedService<EchoClient>("eu").Url);
        Assert.Equal(1024, options.Connection.MaxMessageSize);
        Assert.Single(services, descriptor => descriptor.ServiceType == typeof(EchoClient));
    }

    private sealed class RegionalFeed([FromKeyedServices("eu")] EchoClient client)
    {
        public EchoClient Client { get; } = client;
    }
}
