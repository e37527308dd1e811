namespace CpWebSocket.Generators.Tests.Documentation;

/// <summary>The sources one call in a test compiles together, with the markup of expected diagnostics removed.</summary>
/// <param name="Place">Where the call stands: file, line and, for a theory, the data row.</param>
/// <param name="Sources">The source files.</param>
internal sealed record DeclaredSource(string Place, IReadOnlyList<string> Sources);
