namespace CpWebSocket.Tests.AsyncApi;

/// <summary>An AsyncAPI document to hand to the parser, and the messages to check against its schemas.</summary>
/// <param name="Name">What the document describes, for failure messages.</param>
/// <param name="Text">The document, JSON or YAML.</param>
/// <param name="Messages">Messages to validate; JSON documents only.</param>
public sealed record DocumentCheck(string Name, string Text, IReadOnlyList<MessageCheck> Messages)
{
    /// <summary>A document without messages to check.</summary>
    public DocumentCheck(string name, string text)
        : this(name, text, [])
    {
    }
}
