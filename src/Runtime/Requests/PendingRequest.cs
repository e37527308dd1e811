namespace CpWebSocket.Messaging;

/// <summary>A request waiting for its response.</summary>
internal abstract class PendingRequest(long id)
{
    /// <summary>The id the request was sent with.</summary>
    public long Id { get; } = id;

    /// <summary>The request's type and discriminator, for messages; built only when one is written.</summary>
    public abstract string Description { get; }

    /// <summary>Completes the request with a received message; <paramref name="response"/> is the part to deserialize.</summary>
    public abstract void Complete(ReadOnlySpan<byte> message, ReadOnlySpan<byte> response);

    /// <summary>Fails the request, unless it already ended.</summary>
    public abstract void Fail(Exception exception);
}
