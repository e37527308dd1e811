namespace CpWebSocket;

/// <summary>
/// Marks a type as a JSON message contract and gives its discriminator: the value of the envelope's
/// discriminator property (<c>"type"</c> by default) that identifies this message on the wire.
/// </summary>
/// <remarks>
/// A client declares which contracts it sends and receives with <see cref="SendsAttribute"/> and
/// <see cref="ReceivesAttribute"/>. All contracts of one client use the same kind of discriminator:
/// strings or integers.
/// </remarks>
/// <example>
/// <code language="csharp">
/// [Message("chat.say")] public sealed record Say(string Room, string Text);   // {"type":"chat.say","room":"lobby","text":"hi"}
/// [Message(5)]          public sealed record Tick(long Seq, double Price);     // {"type":5,"seq":1,"price":2.5}
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class MessageAttribute : Attribute
{
    /// <summary>Declares a message whose discriminator is a string.</summary>
    /// <param name="type">The discriminator value, for example <c>"chat.say"</c>.</param>
    public MessageAttribute(string type)
    {
        Type = type;
    }

    /// <summary>Declares a message whose discriminator is an integer (<c>[Message(5)]</c> binds here).</summary>
    /// <param name="type">The discriminator value, for example <c>5</c>.</param>
    public MessageAttribute(long type)
    {
        Type = type;
    }

    /// <summary>The discriminator value: a <see cref="string"/> or a <see cref="long"/>.</summary>
    public object Type { get; }
}
