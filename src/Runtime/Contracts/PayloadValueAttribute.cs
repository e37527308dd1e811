namespace CpWebSocket;

/// <summary>
/// Marks the one member of a message contract that is the whole payload of a wrapped envelope, for payloads that are
/// not objects: <c>{"op":1,"d":251}</c> or <c>{"op":9,"d":true}</c>. The generated client reads and writes the
/// member's value as the payload and builds the record around it, so no JSON converter is needed.
/// </summary>
/// <example>
/// <code language="csharp">
/// [Message(1)] public sealed record Heartbeat([PayloadValue] long? LastSequence);    // {"op":1,"d":251}, {"op":1,"d":null}
/// [Message(9)] public sealed record InvalidSession([PayloadValue] bool Resumable);  // {"op":9,"d":true}
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class PayloadValueAttribute : Attribute
{
}
