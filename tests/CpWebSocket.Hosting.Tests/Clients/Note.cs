using CpWebSocket;

namespace CpWebSocket.Hosting.Tests.Clients;

/// <summary>A message the echo server sends back as it came: sent and received by <see cref="EchoClient"/>.</summary>
/// <param name="Text">The text.</param>
[Message("note")]
public sealed record Note(string Text);
