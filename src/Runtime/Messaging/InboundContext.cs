using System.ComponentModel;

namespace CpWebSocket.Messaging;

/// <summary>
/// The received message a typed handler is called for, beyond its record: its bytes, and its envelope record read on
/// demand. Handed by the router to <see cref="InboundHandler{T}"/>s.
/// </summary>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct InboundContext
{
    internal InboundContext(ReadOnlyMemory<byte> message)
    {
        Message = message;
    }

    /// <summary>
    /// The message's UTF-8 bytes (one element of an array frame), exactly as received. Valid until the handlers of the
    /// message have completed.
    /// </summary>
    public ReadOnlyMemory<byte> Message { get; }

    /// <summary>Reads the members that stand beside the payload into <typeparamref name="TEnvelope"/>.</summary>
    /// <typeparam name="TEnvelope">The envelope record.</typeparam>
    /// <param name="envelope">Its contract (see <see cref="MessageProtocol.EnvelopeRecord{TEnvelope}"/>).</param>
    /// <returns>The envelope.</returns>
    /// <exception cref="WebSocketEnvelopeException">The message does not fit <typeparamref name="TEnvelope"/>.</exception>
    public TEnvelope ReadEnvelope<TEnvelope>(EnvelopeContract<TEnvelope> envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope.Read(Message.Span);
    }
}
