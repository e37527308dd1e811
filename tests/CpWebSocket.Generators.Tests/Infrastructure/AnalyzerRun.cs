using System.Collections.Immutable;
using CpWebSocket.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace CpWebSocket.Generators.Tests.Infrastructure;

/// <summary>
/// Runs the generator and then every analyzer over its output, as a build does, and
/// compares the CPWS diagnostics with the ones marked in the source.
/// </summary>
internal static class AnalyzerRun
{
    /// <summary>Every analyzer of the generator assembly, as a build loads them.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(WebSocketClientAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>
    /// Asserts that exactly the diagnostics marked in <paramref name="markup"/> (see <see cref="DiagnosticMarkup"/>)
    /// are reported, at the marked spans, and that the generator neither failed nor broke the compilation.
    /// <paramref name="otherSources"/> are added as further files without markup.
    /// </summary>
    /// <returns>The diagnostics reported, for further checks of their messages.</returns>
    public static IReadOnlyList<Diagnostic> Verify(string markup, params string[] otherSources)
        => Verify(BuildProperties.None, markup, otherSources);

    /// <summary>Like <see cref="Verify(string, string[])"/>, in a project whose MSBuild properties are <paramref name="properties"/>.</summary>
    public static IReadOnlyList<Diagnostic> Verify(BuildProperties properties, string markup, params string[] otherSources)
    {
        var parsed = DiagnosticMarkup.Parse(markup);
        var diagnostics = Analyze(out var output, properties, [parsed.Source, .. otherSources]);

        // The bad code must be bad only in the way the test says: a typo in a test source would otherwise hide the diagnostic.
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "The test source does not compile:\n" + GeneratorRun.Describe(errors));

        var actual = diagnostics
            .Select(d => $"{d.Id} at {d.Location.SourceSpan} '{Text(d)}' in {d.Location.SourceTree?.FilePath}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        var expected = parsed.Expected
            .Select(e => $"{e.Id} at {e.Span} '{e.Text}' in Source0.cs")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        Assert.True(
            expected.SequenceEqual(actual),
            "Expected:\n  " + string.Join("\n  ", expected) + "\nActual:\n  " + string.Join("\n  ", actual)
                + "\nMessages:\n  " + string.Join("\n  ", diagnostics.Select(d => d.ToString())));
        return diagnostics;
    }

    /// <summary>Asserts that <paramref name="sources"/> get no CPWS diagnostic and compile cleanly with the generated code.</summary>
    public static void VerifyNone(params string[] sources) => VerifyNone(BuildProperties.None, sources);

    /// <summary>Like <see cref="VerifyNone(string[])"/>, in a project whose MSBuild properties are <paramref name="properties"/>.</summary>
    public static void VerifyNone(BuildProperties properties, params string[] sources)
    {
        var run = GeneratorRun.Of(sources).AssertGeneratorSucceeded().AssertCompiles();
        var diagnostics = RunAnalyzer(run.Output, properties);
        Assert.True(diagnostics.Count == 0, "Unexpected diagnostics:\n" + GeneratorRun.Describe(diagnostics));
    }

    /// <summary>The CPWS diagnostics of <paramref name="sources"/>, after the generator ran.</summary>
    public static IReadOnlyList<Diagnostic> Analyze(params string[] sources) => Analyze(out _, BuildProperties.None, sources);

    private static List<Diagnostic> Analyze(out Compilation output, BuildProperties properties, params string[] sources)
    {
        // Whatever is wrong in the input, the generator must not throw and must not add broken code.
        var run = GeneratorRun.Of(sources).AssertGeneratorSucceeded().AssertGeneratedCodeHasNoDiagnostics();
        output = run.Output;
        return RunAnalyzer(run.Output, properties);
    }

    /// <summary>The CPWS diagnostics of a compilation the generator already completed (<see cref="GeneratorRun.Output"/>).</summary>
    public static IReadOnlyList<Diagnostic> Diagnose(Compilation output) => RunAnalyzer(output, BuildProperties.None);

    private static List<Diagnostic> RunAnalyzer(Compilation compilation, BuildProperties properties)
    {
        var exceptions = new List<Exception>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([], properties),
            onAnalyzerException: (exception, _, _) => exceptions.Add(exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: false);
        var diagnostics = compilation
            .WithAnalyzers(AllAnalyzers, options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None)
            .GetAwaiter()
            .GetResult();
        Assert.True(exceptions.Count == 0, "The analyzer threw:\n" + string.Join("\n", exceptions));
        return diagnostics.Where(d => d.Id.StartsWith("CPWS", StringComparison.Ordinal)).ToList();
    }

    private static string Text(Diagnostic diagnostic)
        => diagnostic.Location.SourceTree?.GetText().ToString(diagnostic.Location.SourceSpan) ?? string.Empty;
}
