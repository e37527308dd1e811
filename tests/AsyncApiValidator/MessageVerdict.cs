namespace CpWebSocket.Tests.AsyncApi;

/// <summary>What the JSON Schema validator said of one message.</summary>
/// <param name="Message">The id of the message in the document.</param>
/// <param name="Errors">Where the message breaks its schema; empty when it is valid.</param>
public sealed record MessageVerdict(string Message, IReadOnlyList<string> Errors);
