using System.Diagnostics.Metrics;
using System.Net.WebSockets;
using CpWebSocket.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CpWebSocket.Tests.Diagnostics;

/// <summary>
/// Allocation assertions, not timings, for what the receive and send paths record per message and per error: nothing
/// when nobody listens, and nothing either with a listener that allocates nothing itself (tags travel in a
/// <see cref="System.Diagnostics.TagList"/>, their values precomputed).
/// </summary>
public sealed class RecordingAllocationTests
{
    private const int Iterations = 2_000;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Recording_messages_and_errors_allocates_nothing(bool listening)
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        using var listener = new MeterListener();
        long recorded = 0;
        if (listening)
        {
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == factory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => recorded += value);
            listener.Start();
        }

        var telemetry = new ConnectionTelemetry(new Uri("ws://127.0.0.1:9000/feed"), factory);
        var error = new WebSocketErrorInfo(WebSocketErrorKind.Deserialization, "not a tick") { Contract = typeof(Messaging.EndToEnd.Tick) };
        var message = new byte[120];
        Func<ReadOnlyMemory<byte>, string?> contractOf = static _ => "Tick";
        void RecordMany()
        {
            for (var i = 0; i < Iterations; i++)
            {
                telemetry.MessageReceived(WebSocketMessageKind.Text, message, contractOf);
                telemetry.MessageSent(WebSocketMessageType.Text, 64, "Tick");
                telemetry.ErrorRaised(error);
            }
        }

        RecordMany();
        var before = GC.GetAllocatedBytesForCurrentThread();
        RecordMany();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(listening, telemetry.Metrics.MessageSize.Enabled);
        Assert.Equal(listening ? 2 * Iterations * (120 + 64 + 1) : 0, recorded);
    }
}
