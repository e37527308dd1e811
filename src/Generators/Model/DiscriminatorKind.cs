namespace CpWebSocket.Generators.Model;

/// <summary>How a message discriminator is written in JSON.</summary>
internal enum DiscriminatorKind
{
    /// <summary>A JSON string, from <c>[Message("chat.say")]</c>.</summary>
    String,

    /// <summary>A JSON integer, from <c>[Message(5)]</c>.</summary>
    Integer,
}
