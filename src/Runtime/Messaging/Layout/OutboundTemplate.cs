namespace CpWebSocket.Messaging.Layout;

/// <summary>
/// The bytes every sent message of one contract is made of around its id and its payload, encoded once:
/// <see cref="Head"/>, the id digits, <see cref="Middle"/>, the serialized payload, <see cref="Tail"/>. When
/// <see cref="MergesPayload"/>, the payload's own members join an object the head has opened (the flat envelope's
/// root, or a payload object that also holds the request id), so its opening brace becomes a comma.
/// </summary>
internal sealed class OutboundTemplate(byte[] head, byte[] middle, byte[] tail, bool hasId, bool mergesPayload, bool mergesIntoRoot, string[] mergedNames)
{
    public byte[] Head { get; } = head;

    public byte[] Middle { get; } = middle;

    public byte[] Tail { get; } = tail;

    /// <summary>Whether the id digits go between <see cref="Head"/> and <see cref="Middle"/>.</summary>
    public bool HasId { get; } = hasId;

    public bool MergesPayload { get; } = mergesPayload;

    /// <summary>Whether the payload merges into the root object (a flat envelope).</summary>
    public bool MergesIntoRoot { get; } = mergesIntoRoot;

    /// <summary>The members the envelope writes into the object the payload merges into, which the payload must not have.</summary>
    public string[] MergedNames { get; } = mergedNames;
}
