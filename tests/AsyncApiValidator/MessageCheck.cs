namespace CpWebSocket.Tests.AsyncApi;

/// <summary>A message as it went over the wire, to check against the payload schema of the document's message <see cref="Message"/>.</summary>
/// <param name="Message">The id of the message in the document (<c>components/messages</c>).</param>
/// <param name="Json">The message's text.</param>
public sealed record MessageCheck(string Message, string Json);
