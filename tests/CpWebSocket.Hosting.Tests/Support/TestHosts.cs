using System.Text;
using CpWebSocket.Hosting.Tests.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CpWebSocket.Hosting.Tests.Support;

/// <summary>Generic hosts for the tests: no default configuration sources, only the JSON a test gives.</summary>
public static class TestHosts
{
    /// <summary>A host builder whose configuration is <paramref name="json"/>.</summary>
    /// <param name="json">The app's configuration, as an <c>appsettings.json</c> would hold it.</param>
    public static HostApplicationBuilder CreateBuilder(string? json = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = WebSocketTestServer.Timeout);
        if (json is not null)
        {
            builder.Configuration.AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json)));
        }

        return builder;
    }
}
