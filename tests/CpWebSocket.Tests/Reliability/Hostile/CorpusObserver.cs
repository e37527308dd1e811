using System.Text;
using CpWebSocket.Messaging;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>
/// Checks, as the events arrive, that a typed client turns each corpus entry into its expected outcome, in order:
/// every frame reaches <c>MessageReceived</c>, then each text frame exactly one typed event, <c>Error</c> or
/// <c>Unhandled</c>. Keeps counts and the first mismatches only, so a long run holds no per-message memory.
/// </summary>
public sealed class CorpusObserver
{
    private const int MismatchesKept = 20;

    private readonly object _gate = new();
    private readonly List<string> _mismatches = [];
    private readonly Dictionary<string, int> _outcomes = [];
    private IReadOnlyList<CorpusEntry> _entries = [];
    private TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _index;
    private bool _resolved;
    private int _mismatchCount;

    private CorpusObserver()
    {
    }

    /// <summary>Completes once every entry of the corpus was received and resolved.</summary>
    public Task Completed => _completed.Task;

    /// <summary>How many events did not match the corpus.</summary>
    public int MismatchCount
    {
        get
        {
            lock (_gate)
            {
                return _mismatchCount;
            }
        }
    }

    /// <summary>The first mismatches, described.</summary>
    public IReadOnlyList<string> Mismatches
    {
        get
        {
            lock (_gate)
            {
                return _mismatches.ToArray();
            }
        }
    }

    /// <summary>How many outcomes of each kind: <c>Delivered</c>, <c>Unhandled</c>, <c>RawOnly</c>, <c>Error:Kind</c>.</summary>
    public IReadOnlyDictionary<string, int> Outcomes
    {
        get
        {
            lock (_gate)
            {
                return new SortedDictionary<string, int>(_outcomes, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>Creates the typed client of <paramref name="shape"/> and an observer wired to all its events.</summary>
    public static (MessageClient Client, CorpusObserver Observer) Create(CorpusShape shape, Uri url, HttpWebSocketOptions? options = null)
    {
        var observer = new CorpusObserver();
        MessageClient client;
        if (shape == CorpusShape.Flat)
        {
            var reading = new ReadingClient(url, options);
            reading.ReadingReceived += message => observer.OnDelivered(message.Sequence, message.Sensor);
            client = reading;
        }
        else
        {
            var measurement = new MeasurementClient(url, options);
            measurement.MeasurementReceived += message => observer.OnDelivered(message.Sequence, message.Sensor);
            client = measurement;
        }

        client.MessageReceived += observer.OnMessage;
        client.Error += observer.OnError;
        client.Unhandled += observer.OnUnhandled;
        return (client, observer);
    }

    /// <summary>The expected outcome for each of <paramref name="entries"/>, counted from zero again.</summary>
    public static IReadOnlyDictionary<string, int> ExpectedOutcomes(IReadOnlyList<CorpusEntry> entries) =>
        new SortedDictionary<string, int>(
            entries.GroupBy(entry => Label(entry.Expected.Kind, entry.Expected.ErrorKind)).ToDictionary(group => group.Key, group => group.Count()),
            StringComparer.Ordinal);

    /// <summary>Starts expecting <paramref name="entries"/>, forgetting the previous run.</summary>
    public void Expect(IReadOnlyList<CorpusEntry> entries)
    {
        lock (_gate)
        {
            _entries = entries;
            _index = -1;
            _resolved = true;
            _mismatches.Clear();
            _mismatchCount = 0;
            _outcomes.Clear();
            _completed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    private static string Label(OutcomeKind kind, WebSocketErrorKind? errorKind) =>
        kind == OutcomeKind.Error ? $"Error:{errorKind}" : kind.ToString();

    private void OnMessage(WebSocketMessage message)
    {
        lock (_gate)
        {
            if (!_resolved)
            {
                Mismatch($"entry {_index} ({_entries[_index].Category}) got no outcome before the next message");
            }

            _index++;
            if (_index >= _entries.Count)
            {
                Mismatch($"a message arrived after the last entry: {message}");
                return;
            }

            var entry = _entries[_index];
            if (message.IsText != entry.IsText || !message.Data.Span.SequenceEqual(entry.Payload))
            {
                Mismatch($"entry {_index} ({entry.Category}) arrived as a different frame: {message}");
            }

            _resolved = !entry.IsText;
            if (_resolved)
            {
                Resolve(OutcomeKind.RawOnly, null);
            }
        }
    }

    private void OnDelivered(long sequence, string sensor) => Check(OutcomeKind.Delivered, null, expected =>
        expected.Sequence == sequence && expected.Sensor == sensor ? null : $"delivered sequence {sequence}, sensor of {sensor.Length} chars");

    private void OnUnhandled(UnhandledMessage message) => Check(OutcomeKind.Unhandled, null, expected =>
        message.Discriminator.ToString() == expected.Reason ? null : $"unhandled with discriminator '{Shorten(message.Discriminator.ToString())}'");

    private void OnError(WebSocketErrorInfo error) => Check(OutcomeKind.Error, error.Kind, expected =>
    {
        if (error.Kind != expected.ErrorKind || !error.Message.Contains(expected.Reason!, StringComparison.Ordinal))
        {
            return $"error {error.Kind}: {Shorten(error.Message)}";
        }

        var entry = _entries[_index];
        return error.RawText == (expected.RawText ?? Encoding.UTF8.GetString(entry.Payload)) ? null : "an error whose RawText is not the message";
    });

    private void Check(OutcomeKind kind, WebSocketErrorKind? errorKind, Func<ExpectedOutcome, string?> compare)
    {
        lock (_gate)
        {
            if (_index < 0 || _resolved || _index >= _entries.Count)
            {
                Mismatch($"an extra {Label(kind, errorKind)} outcome after entry {_index}");
                return;
            }

            var entry = _entries[_index];
            var difference = entry.Expected.Kind == kind ? compare(entry.Expected) : $"{Label(kind, errorKind)}";
            if (difference is not null)
            {
                Mismatch($"entry {_index} ({entry.Category}, {Shorten(Encoding.UTF8.GetString(entry.Payload))}) expected {Label(entry.Expected.Kind, entry.Expected.ErrorKind)} '{Shorten(entry.Expected.Reason ?? string.Empty)}', got {difference}");
            }

            _resolved = true;
            Resolve(kind, errorKind);
        }
    }

    private void Resolve(OutcomeKind kind, WebSocketErrorKind? errorKind)
    {
        var label = Label(kind, errorKind);
        _outcomes[label] = _outcomes.GetValueOrDefault(label) + 1;
        if (_index == _entries.Count - 1)
        {
            _completed.TrySetResult();
        }
    }

    private void Mismatch(string description)
    {
        _mismatchCount++;
        if (_mismatches.Count < MismatchesKept)
        {
            _mismatches.Add(description);
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : $"{text[..300]}... ({text.Length} chars)";
}
