using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Samples.Worker;

/// <summary>
/// The readable log of a run: one line per event, <c>·</c> for lifecycle, <c>→</c> for a message sent,
/// <c>←</c> for a message received; and what the summary line needs.
/// </summary>
internal sealed class Transcript(TextWriter output)
{
    private readonly object _gate = new();
    private int _sent;
    private int _received;

    public int Sent => Volatile.Read(ref _sent);

    public int Received => Volatile.Read(ref _received);

    /// <summary>The client's health as the worker last read it.</summary>
    public HealthStatus? Health { get; set; }

    /// <summary>Why the run failed, if it did.</summary>
    public string? Failure { get; private set; }

    public void Note(string who, string text) => Write(who, "·", text);

    public void Out(string who, string text)
    {
        Interlocked.Increment(ref _sent);
        Write(who, "→", text);
    }

    public void In(string who, string text)
    {
        Interlocked.Increment(ref _received);
        Write(who, "←", text);
    }

    public void Fail(string reason)
    {
        Failure ??= reason;
        Write("worker", "!", reason);
    }

    public void Line(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
        }
    }

    private void Write(string who, string mark, string text) => Line($"{who,-6} {mark} {text}");
}
