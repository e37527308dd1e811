namespace CpWebSocket.Tests.AsyncApi;

/// <summary>What the AsyncAPI parser said of one document, and the validator of its messages.</summary>
/// <param name="Name">What the document describes.</param>
/// <param name="Errors">The parser's errors; empty when it accepts the document.</param>
/// <param name="Warnings">The parser's warnings (its style rules), for failure messages.</param>
/// <param name="Messages">One verdict per message checked, in order.</param>
public sealed record DocumentVerdict(string Name, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, IReadOnlyList<MessageVerdict> Messages);
