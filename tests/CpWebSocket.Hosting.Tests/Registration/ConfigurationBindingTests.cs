using System.Net.WebSockets;
using CpWebSocket.Hosting.Tests.Clients;
using CpWebSocket.Hosting.Tests.Server;
using CpWebSocket.Hosting.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CpWebSocket.Hosting.Tests.Registration;

public sealed class ConfigurationBindingTests
{
    private static string Section(Uri url) => $$"""
        {
          "Echo": {
            "Url": "{{url}}",
            "RequestHeaders": { "Authorization": "Bearer abc", "X-Tenant": "blue" },
            "SubProtocols": [ "echo.v2", "echo.v1" ],
            "KeepAliveInterval": "00:00:07",
            "KeepAliveTimeout": "00:00:09",
            "MaxMessageSize": 65536,
            "ConnectTimeout": "00:00:04",
            "CloseTimeout": "00:00:03",
            "Reconnect": { "MaxAttempts": 7, "InitialDelay": "00:00:00.250", "MaxDelay": "00:00:05", "Jitter": 0.25 }
          }
        }
        """;

    [Fact]
    public void Every_key_of_the_section_binds_to_its_option()
    {
        var builder = TestHosts.CreateBuilder(Section(new Uri("ws://127.0.0.1:9/echo")));
        var client = builder.Services.AddWebSocketClient<EchoClient>(builder.Configuration.GetSection("Echo"));
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptionsMonitor<WebSocketClientOptions>>().Get(client.OptionsName);
        var connection = options.Connection;
        Assert.Equal(new Uri("ws://127.0.0.1:9/echo"), options.Url);
        Assert.Equal("Bearer abc", connection.RequestHeaders["Authorization"]);
        Assert.Equal("blue", connection.RequestHeaders["x-tenant"]);
        Assert.Equal(["echo.v2", "echo.v1"], connection.SubProtocols);
        Assert.Equal(TimeSpan.FromSeconds(7), connection.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(9), connection.KeepAliveTimeout);
        Assert.Equal(65536, connection.MaxMessageSize);
        Assert.Equal(TimeSpan.FromSeconds(4), connection.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), connection.CloseTimeout);
        var reconnect = Assert.IsType<ReconnectPolicy>(connection.Reconnect);
        Assert.Equal(7, reconnect.MaxAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(250), reconnect.InitialDelay);
        Assert.Equal(TimeSpan.FromSeconds(5), reconnect.MaxDelay);
        Assert.Equal(0.25, reconnect.Jitter);
    }

    [Fact]
    public async Task The_bound_headers_and_subprotocols_reach_the_server_and_typed_messages_flow()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var builder = TestHosts.CreateBuilder(Section(server.Url("/echo?room=lobby")));
        builder.Services.AddWebSocketClient<EchoClient>(builder.Configuration.GetSection("Echo"));
        await using var provider = builder.Services.BuildServiceProvider();
        var client = provider.GetRequiredService<EchoClient>();
        var echoed = new TaskCompletionSource<Note>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.NoteReceived += note => echoed.TrySetResult(note);

        await client.OpenAsync().WaitAsync(WebSocketTestServer.Timeout);
        var connection = await server.NextConnectionAsync();
        await client.SendAsync(new Note("hello"));

        Assert.Equal("/echo?room=lobby", connection.Path);
        Assert.Equal("Bearer abc", connection.Headers["authorization"]);
        Assert.Equal("blue", connection.Headers["x-tenant"]);
        Assert.Equal(["echo.v2", "echo.v1"], connection.RequestedSubProtocols);
        Assert.Equal("echo.v2", client.SubProtocol);
        Assert.Equal(new Note("hello"), await echoed.Task.WaitAsync(WebSocketTestServer.Timeout));
    }

    [Fact]
    public void Options_set_in_code_apply_after_the_section_in_the_order_of_the_calls()
    {
        var builder = TestHosts.CreateBuilder(Section(new Uri("ws://127.0.0.1:9/echo")));
        builder.Services.AddSingleton(new TenantName("green"));
        var client = builder.Services
            .AddWebSocketClient<EchoClient>(builder.Configuration.GetSection("Echo"))
            .ConfigureOptions(options => options.Connection.KeepAliveInterval = TimeSpan.FromSeconds(11))
            .ConfigureOptions((options, services) => options.Connection.RequestHeaders["X-Tenant"] = services.GetRequiredService<TenantName>().Value)
            .ConfigureOptions(options => options.Connection.KeepAliveInterval += TimeSpan.FromSeconds(1));
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptionsMonitor<WebSocketClientOptions>>().Get(client.OptionsName);
        Assert.Equal(TimeSpan.FromSeconds(12), options.Connection.KeepAliveInterval);
        Assert.Equal("green", options.Connection.RequestHeaders["X-Tenant"]);
        Assert.Equal("Bearer abc", options.Connection.RequestHeaders["Authorization"]);
    }

    [Fact]
    public void A_client_configured_in_code_only_needs_no_section()
    {
        var services = new ServiceCollection();
        services.AddWebSocketClient<EchoClient>(options => options.Url = new Uri("ws://127.0.0.1:9/code"));
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<EchoClient>();

        Assert.Equal(new Uri("ws://127.0.0.1:9/code"), client.Url);
        Assert.Equal(WebSocketStatus.Closed, client.Status);
    }

    [Fact]
    public void A_value_that_does_not_convert_is_an_error_that_names_its_key()
    {
        var builder = TestHosts.CreateBuilder("""{ "Echo": { "Url": "ws://127.0.0.1:9/echo", "KeepAliveInterval": "soon" } }""");
        builder.Services.AddWebSocketClient<EchoClient>(builder.Configuration.GetSection("Echo"));
        using var provider = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<EchoClient>());

        Assert.Contains("Echo:KeepAliveInterval", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_without_a_Url_fails_the_host_start_with_the_key_to_set()
    {
        var builder = TestHosts.CreateBuilder("""{ "Echo": { "KeepAliveInterval": "00:00:05" } }""");
        builder.Services.AddWebSocketClient<EchoClient>(builder.Configuration.GetSection("Echo"));
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("EchoClient has no Url", error.Message, StringComparison.Ordinal);
        Assert.Contains("'Echo:Url'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9/echo", "has the scheme 'http'")]
    [InlineData("echo", "is not absolute")]
    public void A_Url_that_is_not_a_websocket_address_is_refused_when_the_client_is_created(string url, string expected)
    {
        var builder = TestHosts.CreateBuilder($$"""{ "Echo": { "Url": "{{url}}" } }""");
        builder.Services.AddWebSocketClient<EchoClient>(builder.Configuration.GetSection("Echo"));
        using var provider = builder.Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<EchoClient>());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_HttpWebSocket_registers_and_binds_the_same_way()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var builder = TestHosts.CreateBuilder($$"""{ "Feed": { "Url": "{{server.Url("/feed")}}", "SubProtocols": [ "feed.v1" ] } }""");
        builder.Services.AddWebSocketClient<HttpWebSocket>(builder.Configuration.GetSection("Feed"));
        await using var provider = builder.Services.BuildServiceProvider();
        var socket = provider.GetRequiredService<HttpWebSocket>();
        var echoed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        socket.MessageReceived += message => echoed.TrySetResult(message.GetText());

        await socket.OpenAsync().WaitAsync(WebSocketTestServer.Timeout);
        await socket.SendAsync("tick", isData: false);

        Assert.Equal("feed.v1", socket.SubProtocol);
        Assert.Equal("tick", await echoed.Task.WaitAsync(WebSocketTestServer.Timeout));
        Assert.Equal("/feed", (await server.NextConnectionAsync()).Path);
    }

    [Fact]
    public void A_type_that_is_not_a_websocket_client_is_refused_at_registration()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() => services.AddWebSocketClient<MemoryStream>());

        Assert.Contains("System.IO.MemoryStream is not a websocket client", error.Message, StringComparison.Ordinal);
        Assert.Empty(services);
    }

    [Fact]
    public async Task Disposing_the_services_closes_an_open_client_with_a_normal_close_handshake()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var services = new ServiceCollection();
        services.AddWebSocketClient<EchoClient>(options => options.Url = server.Url());
        var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<EchoClient>();
        await client.OpenAsync().WaitAsync(WebSocketTestServer.Timeout);
        var connection = await server.NextConnectionAsync();

        await provider.DisposeAsync();

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await connection.Ended.WaitAsync(WebSocketTestServer.Timeout));
        Assert.Equal(WebSocketStatus.Closed, client.Status);
    }

    [Fact]
    public async Task Disposing_the_services_synchronously_starts_the_close_handshake()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var services = new ServiceCollection();
        services.AddWebSocketClient<EchoClient>(options => options.Url = server.Url());
        var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<EchoClient>();
        await client.OpenAsync().WaitAsync(WebSocketTestServer.Timeout);
        var connection = await server.NextConnectionAsync();

        provider.Dispose();

        Assert.Equal(WebSocketCloseStatus.NormalClosure, await connection.Ended.WaitAsync(WebSocketTestServer.Timeout));
    }

    private sealed record TenantName(string Value);
}
