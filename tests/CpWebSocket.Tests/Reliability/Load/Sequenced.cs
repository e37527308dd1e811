namespace CpWebSocket.Tests.Reliability.Load;

/// <summary>
/// One message of a load test: who sent it (<paramref name="Sender"/>, a thread or a client), its place in that
/// sender's sequence, and a text derived from both, so a message that arrives mangled or mixed with another shows.
/// </summary>
/// <param name="Sender">The sending thread or client.</param>
/// <param name="Sequence">The message's place in its sender's sequence, from 0.</param>
/// <param name="Text">The text <see cref="TextFor"/> gives for the other two fields.</param>
[Message("load.sequenced")]
public sealed record Sequenced(int Sender, int Sequence, string Text)
{
    /// <summary>The wire discriminator.</summary>
    public const string Discriminator = "load.sequenced";

    /// <summary>Creates the message <paramref name="sequence"/> of <paramref name="sender"/>.</summary>
    public static Sequenced For(int sender, int sequence) => new(sender, sequence, TextFor(sender, sequence));

    /// <summary>The text carried by message <paramref name="sequence"/> of <paramref name="sender"/>; not ASCII only, so the UTF-8 path is exercised.</summary>
    public static string TextFor(int sender, int sequence) => $"sender {sender} · message {sequence} — ok";
}
