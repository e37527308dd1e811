namespace CpWebSocket.Diagnostics;

/// <summary>
/// The names under which CpWebSocket publishes its metrics and traces, for OpenTelemetry's
/// <c>AddMeter</c> and <c>AddSource</c>, or a <see cref="System.Diagnostics.Metrics.MeterListener"/> and an
/// <see cref="System.Diagnostics.ActivityListener"/>.
/// </summary>
/// <example>
/// <code language="csharp">
/// builder.Services.AddOpenTelemetry()
///     .WithMetrics(metrics => metrics.AddMeter(WebSocketDiagnostics.MeterName))
///     .WithTracing(tracing => tracing.AddSource(WebSocketDiagnostics.ActivitySourceName));
/// </code>
/// </example>
/// <remarks>
/// Nothing is measured while nobody listens: every instrument is checked for a listener before a value is recorded,
/// and no span is started unless a listener samples it.
/// </remarks>
public static class WebSocketDiagnostics
{
    /// <summary>The name of the <see cref="System.Diagnostics.Metrics.Meter"/>: <c>CpWebSocket</c>.</summary>
    public const string MeterName = "CpWebSocket";

    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: <c>CpWebSocket</c>.</summary>
    public const string ActivitySourceName = "CpWebSocket";
}
