namespace Samples.Chat;

/// <summary>
/// The readable log of a run: one line per event, <c>·</c> for lifecycle, <c>→</c> for a message sent,
/// <c>←</c> for a message received. Both clients write to it from their own event threads.
/// </summary>
internal sealed class Transcript(TextWriter output)
{
    private readonly object _gate = new();
    private int _sent;
    private int _received;

    public int Sent => Volatile.Read(ref _sent);

    public int Received => Volatile.Read(ref _received);

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

    public void Line(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
        }
    }

    private void Write(string who, string mark, string text) => Line($"{who,-6} {mark} {text}");
}
