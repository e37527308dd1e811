using CpWebSocket.Diagnostics;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace CpWebSocket.Benchmarks.Telemetry;

/// <summary>
/// What an app that collects CpWebSocket's telemetry runs: the SDK's meter provider, aggregating each measurement as it is
/// recorded (exported once a minute, to an exporter that drops it), and its tracer provider, sampling every span.
/// </summary>
public sealed class OpenTelemetryListener : IDisposable
{
    private readonly MeterProvider _meters;
    private readonly TracerProvider _tracer;

    public OpenTelemetryListener()
    {
        _meters = Sdk.CreateMeterProviderBuilder()
            .AddMeter(WebSocketDiagnostics.MeterName)
            .AddReader(new PeriodicExportingMetricReader(new DroppingExporter(), exportIntervalMilliseconds: 60_000))
            .Build();
        _tracer = Sdk.CreateTracerProviderBuilder()
            .AddSource(WebSocketDiagnostics.ActivitySourceName)
            .SetSampler(new AlwaysOnSampler())
            .Build();
    }

    public void Dispose()
    {
        _tracer.Dispose();
        _meters.Dispose();
    }

    private sealed class DroppingExporter : BaseExporter<Metric>
    {
        public override ExportResult Export(in Batch<Metric> batch) => ExportResult.Success;
    }
}
