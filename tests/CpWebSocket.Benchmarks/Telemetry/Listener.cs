namespace CpWebSocket.Benchmarks.Telemetry;

/// <summary>Who listens to the <c>CpWebSocket</c> meter and activity source during a run.</summary>
public enum Listener
{
    /// <summary>Nobody: every recording returns at its <c>Enabled</c> check.</summary>
    None,

    /// <summary>The OpenTelemetry SDK, aggregating every instrument and recording every span (exported nowhere).</summary>
    OpenTelemetry,
}
