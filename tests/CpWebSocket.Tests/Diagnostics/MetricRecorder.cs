using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace CpWebSocket.Tests.Diagnostics;

/// <summary>
/// A meter factory of its own (the one dependency injection makes), and a <see cref="MeterListener"/> that records what
/// the <c>CpWebSocket</c> meter of that factory measures: tests running beside it, on the process-wide meter or on other
/// factories, never mix into its measurements.
/// </summary>
public sealed class MetricRecorder : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly MeterListener _listener = new();
    private readonly List<RecordedMeasurement> _measurements = [];

    public MetricRecorder()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        Factory = _services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == Factory && instrument.Meter.Name == "CpWebSocket")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The factory to pass in <see cref="HttpWebSocketOptions.MeterFactory"/>.</summary>
    public IMeterFactory Factory { get; }

    /// <summary>Options that record on <see cref="Factory"/>.</summary>
    public HttpWebSocketOptions Options(HttpWebSocketOptions? options = null)
    {
        options ??= new HttpWebSocketOptions();
        options.MeterFactory = Factory;
        return options;
    }

    /// <summary>What <paramref name="instrument"/> recorded so far.</summary>
    public IReadOnlyList<RecordedMeasurement> Of(string instrument)
    {
        lock (_measurements)
        {
            return _measurements.Where(m => m.Instrument == instrument).ToArray();
        }
    }

    /// <summary>Waits until <paramref name="instrument"/> recorded <paramref name="count"/> values that match.</summary>
    public async Task<IReadOnlyList<RecordedMeasurement>> WaitForAsync(string instrument, Func<RecordedMeasurement, bool>? match = null, int count = 1)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Generous;
        while (true)
        {
            var found = Of(instrument).Where(m => match?.Invoke(m) ?? true).ToArray();
            if (found.Length >= count)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{instrument} recorded {found.Length} matching values, not {count}; all: {string.Join("; ", Of(instrument))}");
            }

            await Task.Delay(20);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _listener.Dispose();
        _services.Dispose();
    }

    private void Add<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct, IConvertible
    {
        var recorded = new RecordedMeasurement(instrument.Name, value.ToDouble(null), new Dictionary<string, object?>(tags.ToArray()));
        lock (_measurements)
        {
            _measurements.Add(recorded);
        }
    }
}
