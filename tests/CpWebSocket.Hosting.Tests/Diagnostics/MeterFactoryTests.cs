using System.Diagnostics.Metrics;
using CpWebSocket.Hosting.Tests.Clients;
using CpWebSocket.Hosting.Tests.Server;
using Microsoft.Extensions.DependencyInjection;

namespace CpWebSocket.Hosting.Tests.Diagnostics;

/// <summary>A registered client records its metrics on the app's <see cref="IMeterFactory"/>, as it logs through the app's logger factory.</summary>
public sealed class MeterFactoryTests
{
    [Fact]
    public async Task A_registered_client_records_on_the_meter_of_the_apps_meter_factory()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddWebSocketClient<EchoClient>(options => options.Url = server.Url("/echo"));
        await using var provider = services.BuildServiceProvider();
        using var opened = new OpenConnections(provider.GetRequiredService<IMeterFactory>());

        await provider.GetRequiredService<EchoClient>().OpenAsync().WaitAsync(WebSocketTestServer.Timeout);

        Assert.Equal(1, opened.Count);
    }

    [Fact]
    public async Task A_meter_factory_set_in_the_options_is_kept()
    {
        await using var server = await WebSocketTestServer.StartAsync();
        using var own = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var ownFactory = own.GetRequiredService<IMeterFactory>();
        var services = new ServiceCollection();
        services.AddMetrics();
        services.AddWebSocketClient<EchoClient>(options =>
        {
            options.Url = server.Url("/echo");
            options.Connection.MeterFactory = ownFactory;
        });
        await using var provider = services.BuildServiceProvider();
        using var onApps = new OpenConnections(provider.GetRequiredService<IMeterFactory>());
        using var onOwn = new OpenConnections(ownFactory);

        await provider.GetRequiredService<EchoClient>().OpenAsync().WaitAsync(WebSocketTestServer.Timeout);

        Assert.Equal(1, onOwn.Count);
        Assert.Equal(0, onApps.Count);
    }

    /// <summary>Sums <c>cpwebsocket.client.active_connections</c> on the meter of one factory.</summary>
    private sealed class OpenConnections : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public OpenConnections(IMeterFactory factory)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Name == "cpwebsocket.client.active_connections")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
