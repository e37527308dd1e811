namespace CpWebSocket.Hosting.Tests.Readme;

/// <summary>An app service the README's options read a token from.</summary>
/// <param name="Current">The token.</param>
public sealed record TokenSource(string Current);
