using System.Diagnostics;

namespace CpWebSocket.Diagnostics;

/// <summary>
/// What one connection attempt's telemetry remembers between its start and its end: a field of the cycle, so that a
/// connection nobody listens to allocates nothing for it.
/// </summary>
internal struct CycleTelemetry
{
    /// <summary>When the connect started (a <see cref="Stopwatch"/> timestamp); 0 when connect.duration was not measured.</summary>
    public long ConnectStarted;

    /// <summary>When the connection opened; 0 when connection.duration is not measured.</summary>
    public long OpenedAt;

    /// <summary>Whether active_connections counted this cycle, so that it is taken off exactly once.</summary>
    public bool CountedActive;

    /// <summary>The connect span, until the connect ends.</summary>
    public Activity? Connect;
}
