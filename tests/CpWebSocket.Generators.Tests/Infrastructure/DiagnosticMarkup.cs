using Microsoft.CodeAnalysis.Text;

namespace CpWebSocket.Generators.Tests.Infrastructure;

/// <summary>
/// Test source with expected diagnostics marked in place, in the Roslyn testing style:
/// <c>{|CPWS0001:ChatClient|}</c> expects CPWS0001 exactly on <c>ChatClient</c>.
/// </summary>
internal sealed class DiagnosticMarkup
{
    private DiagnosticMarkup(string source, IReadOnlyList<ExpectedDiagnostic> expected)
    {
        Source = source;
        Expected = expected;
    }

    /// <summary>The source with the markup removed.</summary>
    public string Source { get; }

    /// <summary>The marked diagnostics, in source order.</summary>
    public IReadOnlyList<ExpectedDiagnostic> Expected { get; }

    /// <summary>Reads <paramref name="markup"/>; markers cannot nest.</summary>
    public static DiagnosticMarkup Parse(string markup)
    {
        var source = new System.Text.StringBuilder();
        var expected = new List<ExpectedDiagnostic>();
        var index = 0;
        while (index < markup.Length)
        {
            var open = markup.IndexOf("{|", index, StringComparison.Ordinal);
            if (open < 0)
            {
                source.Append(markup, index, markup.Length - index);
                break;
            }

            source.Append(markup, index, open - index);
            var colon = markup.IndexOf(':', open);
            var close = markup.IndexOf("|}", colon, StringComparison.Ordinal);
            if (colon < 0 || close < 0)
            {
                throw new FormatException("Unclosed diagnostic marker at " + open);
            }

            var id = markup[(open + 2)..colon];
            var text = markup[(colon + 1)..close];
            expected.Add(new ExpectedDiagnostic(id, new TextSpan(source.Length, text.Length), text));
            source.Append(text);
            index = close + 2;
        }

        return new DiagnosticMarkup(source.ToString(), expected);
    }
}

/// <summary>A diagnostic a test expects.</summary>
/// <param name="Id">The diagnostic id.</param>
/// <param name="Span">Where it must be reported, in the first source file.</param>
/// <param name="Text">The marked text, for messages.</param>
internal sealed record ExpectedDiagnostic(string Id, TextSpan Span, string Text);
