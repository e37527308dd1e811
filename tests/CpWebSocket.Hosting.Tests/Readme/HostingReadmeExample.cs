using System.Net.WebSockets;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using CpWebSocket.Hosting.Tests.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CpWebSocket.Hosting.Tests.Readme;

/// <summary>The README's "Hosting and observability" blocks, run against the tests' Kestrel server.</summary>
public sealed partial class HostingReadmeExample
{
    /// <summary>The options configuration cannot hold; the README says they are set in code.</summary>
    private static readonly string[] CodeOnly =
    [
        nameof(HttpWebSocketOptions.Logger),
        nameof(HttpWebSocketOptions.MeterFactory),
        nameof(HttpWebSocketOptions.RemoteCertificateValidationCallback),
        nameof(HttpWebSocketOptions.ClientCertificates),
        nameof(HttpWebSocketOptions.Cookies),
        nameof(HttpWebSocketOptions.Proxy),
        nameof(HttpWebSocketOptions.DeflateOptions),
        nameof(HttpWebSocketOptions.HttpMessageInvoker),
        nameof(HttpWebSocketOptions.Transport),
    ];

    [Fact]
    public async Task The_registration_block_runs_a_worker_whose_client_the_host_opens_and_closes_with_1000()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        string[] args = [];

        var builder = Host.CreateApplicationBuilder(args);
        builder.Configuration.AddInMemoryCollection([new("Ticker:Url", server.Url("/ticker").ToString())]);

        builder.Services.AddWebSocketClient<TickerClient>(builder.Configuration.GetSection("Ticker"))
            .AddHostedLifetime();                                   // opened when the host starts, closed when it stops
        builder.Services.AddHealthChecks()
            .AddWebSocketClient<TickerClient>(tags: ["ready"]);    // Healthy when open, Degraded while reconnecting
        builder.Services.AddHostedService<TickerWorker>();         // takes a TickerClient in its constructor

        await builder.Build().RunAsync();

        var connection = await server.NextConnectionAsync();
        Assert.Equal(WebSocketCloseStatus.NormalClosure, await connection.Ended.WaitAsync(WebSocketTestServer.Timeout));
        Assert.Equal(["""{"type":"tick.subscribe","symbol":"BTC","count":1}"""], connection.Received);
    }

    [Fact]
    public async Task The_options_block_reads_a_token_from_the_apps_services()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Ticker:Url", server.Url("/ticker").ToString())]);
        builder.Services.AddSingleton(new TokenSource("t0k3n"));

        builder.Services.AddWebSocketClient<TickerClient>(builder.Configuration.GetSection("Ticker"))
            .ConfigureOptions((options, services) =>
                options.Connection.RequestHeaders["Authorization"] = $"Bearer {services.GetRequiredService<TokenSource>().Current}");

        using var host = builder.Build();
        await host.Services.GetRequiredService<TickerClient>().OpenAsync().WaitAsync(WebSocketTestServer.Timeout);
        Assert.Equal("Bearer t0k3n", (await server.NextConnectionAsync()).Headers["authorization"]);
    }

    [Fact]
    public async Task The_named_client_blocks_reach_their_own_servers()
    {
        await using var eu = await WebSocketTestServer.StartAsync();
        await using var us = await WebSocketTestServer.StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("Tickers:Eu:Url", eu.Url("/eu").ToString()), new("Tickers:Us:Url", us.Url("/us").ToString())]);

        builder.Services.AddWebSocketClient<TickerClient>("eu", builder.Configuration.GetSection("Tickers:Eu"));
        builder.Services.AddWebSocketClient<TickerClient>("us", builder.Configuration.GetSection("Tickers:Us"));

        builder.Services.AddSingleton<Watchlist>();
        using var host = builder.Build();
        await host.Services.GetRequiredKeyedService<TickerClient>("eu").OpenAsync().WaitAsync(WebSocketTestServer.Timeout);
        await host.Services.GetRequiredKeyedService<TickerClient>("us").OpenAsync().WaitAsync(WebSocketTestServer.Timeout);
        await host.Services.GetRequiredService<Watchlist>().WatchAsync("ETH", CancellationToken.None);

        const string expected = """{"type":"tick.subscribe","symbol":"ETH","count":10}""";
        var atEu = await eu.NextConnectionAsync();
        var atUs = await us.NextConnectionAsync();
        await Support.Eventually.UntilAsync(() => atEu.Received.Count + atUs.Received.Count, count => count == 2, "both subscriptions");
        Assert.Equal([expected], atEu.Received);
        Assert.Equal([expected], atUs.Received);
    }

    [Fact]
    public void The_appsettings_block_binds_every_key_of_the_table()
    {
        var section = HostingSection();
        var json = JsonBlock().Match(section).Groups[1].Value;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        var client = builder.Services.AddWebSocketClient<TickerClient>(builder.Configuration.GetSection("Ticker"));
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptionsMonitor<WebSocketClientOptions>>().Get(client.OptionsName);
        var connection = options.Connection;
        Assert.Equal(new Uri("wss://feed.example.com/ticker"), options.Url);
        Assert.Equal("Bearer token", connection.RequestHeaders["Authorization"]);
        Assert.Equal(["ticker.v2"], connection.SubProtocols);
        Assert.Equal(TimeSpan.FromSeconds(15), connection.KeepAliveInterval);
        Assert.Equal(TimeSpan.FromSeconds(10), connection.KeepAliveTimeout);
        Assert.Equal(1048576, connection.MaxMessageSize);
        Assert.Equal(TimeSpan.FromSeconds(5), connection.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), connection.CloseTimeout);
        Assert.Equal(
            (10, TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30), 0.5),
            (connection.Reconnect!.MaxAttempts, connection.Reconnect.InitialDelay, connection.Reconnect.MaxDelay, connection.Reconnect.Jitter));

        var jsonKeys = builder.Configuration.GetSection("Ticker").GetChildren().Select(child => child.Key);
        Assert.Equal(TableKeys(section).Order(StringComparer.Ordinal), jsonKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_key_table_lists_every_option_that_configuration_can_hold_and_the_text_names_the_others()
    {
        var section = HostingSection();
        var documented = TableKeys(section).Except(["Url"]).Concat(CodeOnly).Order(StringComparer.Ordinal).ToArray();
        var options = typeof(HttpWebSocketOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => property.Name).Order(StringComparer.Ordinal).ToArray();

        Assert.True(
            documented.SequenceEqual(options),
            $"HttpWebSocketOptions has {string.Join(", ", options.Except(documented))} and the README documents {string.Join(", ", documented.Except(options))}: "
            + "put each new option in the key table of \"Hosting and observability\", or in the sentence about options set in code and in CodeOnly here.");
        Assert.All(CodeOnly, name => Assert.Contains($"`{name}`", section, StringComparison.Ordinal));
    }

    private static string[] TableKeys(string section) =>
        TableRow().Matches(section).Select(match => match.Groups[1].Value).ToArray();

    private static string HostingSection()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var start = readme.IndexOf("## Hosting and observability", StringComparison.Ordinal);
        Assert.True(start >= 0, "The README has no \"Hosting and observability\" section.");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        return readme[start..(end < 0 ? readme.Length : end)];
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CpWebSocket.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CpWebSocket.Sdk.sln was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```json\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    [GeneratedRegex("^\\| `([A-Za-z]+)` \\| `", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
