using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace CpWebSocket.Diagnostics;

/// <summary>
/// The <c>CpWebSocket</c> meter and its instruments: one set for the process (a static <see cref="Meter"/>), and one
/// per <see cref="IMeterFactory"/> an app passes in <see cref="HttpWebSocketOptions.MeterFactory"/> (as the ASP.NET
/// Core and <c>HttpClient</c> meters do, so that a host's meters are its own and die with it).
/// </summary>
internal sealed class ClientMetrics
{
    private static readonly ConditionalWeakTable<IMeterFactory, ClientMetrics> PerFactory = new();

    // Kestrel's kestrel.connection.duration boundaries: connections live from milliseconds to hours.
    private static readonly double[] ConnectionBuckets = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 120, 300];

    // http.client.request.duration's boundaries: a connect and a request are round trips of the same order.
    private static readonly double[] RoundTripBuckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    // Powers of four from 64 bytes to the default 4 MiB message size limit.
    private static readonly long[] SizeBuckets = [64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304];

    private ClientMetrics(Meter meter)
    {
        Meter = meter;
        ActiveConnections = meter.CreateUpDownCounter<long>(
            "cpwebsocket.client.active_connections", "{connection}", "Connections that are open now.");
        ConnectionDuration = CreateHistogram(
            meter, "cpwebsocket.client.connection.duration", "s", "How long connections stayed open, from the handshake to their end.", ConnectionBuckets);
        ConnectDuration = CreateHistogram(
            meter, "cpwebsocket.client.connect.duration", "s", "How long connection attempts took, from the start of the connect to the open connection or the failure.", RoundTripBuckets);
        ReconnectAttempts = meter.CreateCounter<long>(
            "cpwebsocket.client.reconnect.attempts", "{attempt}", "Reconnect attempts that ended, failed ones tagged with error.type.");
        MessageSize = CreateHistogram(
            meter, "cpwebsocket.client.message.size", "By", "The size of each message sent and received: its count is the number of messages, its sum the bytes.", SizeBuckets);
        Errors = meter.CreateCounter<long>(
            "cpwebsocket.client.errors", "{error}", "Errors raised by connections, by WebSocketErrorKind.");
        RequestDuration = CreateHistogram(
            meter, "cpwebsocket.client.request.duration", "s", "How long requests took, from their send to their response, timeout, abort or cancellation.", RoundTripBuckets);
        ActiveRequests = meter.CreateUpDownCounter<long>(
            "cpwebsocket.client.active_requests", "{request}", "Requests waiting for their response now.");
    }

    /// <summary>The instruments of the process-wide meter.</summary>
    public static ClientMetrics Shared { get; } = new(new Meter(WebSocketDiagnostics.MeterName, typeof(ClientMetrics).Assembly.GetName().Version?.ToString()));

    public Meter Meter { get; }

    public UpDownCounter<long> ActiveConnections { get; }

    public Histogram<double> ConnectionDuration { get; }

    public Histogram<double> ConnectDuration { get; }

    public Counter<long> ReconnectAttempts { get; }

    public Histogram<long> MessageSize { get; }

    public Counter<long> Errors { get; }

    public Histogram<double> RequestDuration { get; }

    public UpDownCounter<long> ActiveRequests { get; }

    /// <summary>The instruments of <paramref name="factory"/>'s meter, created once per factory; the shared ones without one.</summary>
    public static ClientMetrics For(IMeterFactory? factory) =>
        factory is null
            ? Shared
            : PerFactory.GetValue(factory, static f => new ClientMetrics(f.Create(new MeterOptions(WebSocketDiagnostics.MeterName)
            {
                Version = typeof(ClientMetrics).Assembly.GetName().Version?.ToString(),
            })));

    private static Histogram<T> CreateHistogram<T>(Meter meter, string name, string unit, string description, T[] boundaries)
        where T : struct
    {
#if NET9_0_OR_GREATER
        return meter.CreateHistogram(name, unit, description, tags: null, new InstrumentAdvice<T> { HistogramBucketBoundaries = boundaries });
#else
        _ = boundaries; // .NET 8 has no instrument advice: the exporter's default boundaries apply
        return meter.CreateHistogram<T>(name, unit, description);
#endif
    }
}
