namespace CpWebSocket.Messaging;

/// <summary>A request waiting for its response.</summary>
internal abstract class PendingRequest(long id)
{
    private string? _refused;

    /// <summary>The id the request was sent with.</summary>
    public long Id { get; } = id;

    /// <summary>The request's type and discriminator, for messages; built only when one is written.</summary>
    public abstract string Description { get; }

    /// <summary>Which received messages can answer it.</summary>
    public abstract ResponseMatch Match { get; }

    /// <summary>
    /// What the first message that carried this request's id but could not answer it was, for the timeout's message;
    /// <see langword="null"/> when there was none.
    /// </summary>
    public string? Refused => Volatile.Read(ref _refused);

    /// <summary>Notes a message that carried this request's id but could not answer it.</summary>
    public void NoteRefused(string description) => Interlocked.CompareExchange(ref _refused, description, null);

    /// <summary>Completes the request with a received message; <paramref name="response"/> is the part to deserialize.</summary>
    public abstract void Complete(ReadOnlySpan<byte> message, ReadOnlySpan<byte> response, ResponseKind kind);

    /// <summary>Fails the request, unless it already ended.</summary>
    public abstract void Fail(Exception exception);
}
