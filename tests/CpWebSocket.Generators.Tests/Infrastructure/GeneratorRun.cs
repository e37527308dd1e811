using System.Collections.Immutable;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CpWebSocket.Generators.Tests.Infrastructure;

/// <summary>One run of <see cref="WebSocketClientGenerator"/> over a compilation, with what it produced.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(Compilation input, Compilation output, GeneratorDriver driver, ImmutableArray<Diagnostic> driverDiagnostics)
    {
        Input = input;
        Output = output;
        Driver = driver;
        DriverDiagnostics = driverDiagnostics;
        Result = driver.GetRunResult();
    }

    /// <summary>The compilation given to the generator.</summary>
    public Compilation Input { get; }

    /// <summary>The compilation with the generated sources added.</summary>
    public Compilation Output { get; }

    /// <summary>The driver, which keeps the incremental state for a second run.</summary>
    public GeneratorDriver Driver { get; }

    /// <summary>Diagnostics the driver itself reported (a generator exception shows up here).</summary>
    public ImmutableArray<Diagnostic> DriverDiagnostics { get; }

    /// <summary>The run result, with tracked steps.</summary>
    public GeneratorDriverRunResult Result { get; }

    /// <summary>The generated sources, by hint name.</summary>
    public IReadOnlyDictionary<string, string> Sources
        => Result.Results.SelectMany(r => r.GeneratedSources)
            .ToDictionary(s => s.HintName, s => s.SourceText.ToString(), StringComparer.Ordinal);

    /// <summary>Runs the generator over <paramref name="sources"/>.</summary>
    public static GeneratorRun Of(params string[] sources) => Of(TestCompilation.Create(sources));

    /// <summary>Runs a fresh driver over <paramref name="compilation"/>, tracking incremental steps.</summary>
    public static GeneratorRun Of(Compilation compilation) => Continue(CreateDriver(), compilation);

    /// <summary>Runs <paramref name="driver"/>, which may hold the state of an earlier run, over <paramref name="compilation"/>.</summary>
    public static GeneratorRun Continue(GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new GeneratorRun(compilation, output, driver, diagnostics);
    }

    /// <summary>A driver for the generator that records every pipeline step.</summary>
    public static GeneratorDriver CreateDriver()
        => Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
            [new WebSocketClientGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Asserts the generator neither threw nor reported anything (validation belongs to the analyzer).</summary>
    public GeneratorRun AssertGeneratorSucceeded()
    {
        Assert.Empty(DriverDiagnostics);
        Assert.All(Result.Results, r => Assert.Null(r.Exception));
        Assert.All(Result.Results, r => Assert.Empty(r.Diagnostics));
        return this;
    }

    /// <summary>
    /// Asserts the output compiles and emits with no error anywhere, and no warning in the generated code or
    /// the test sources (apart from missing XML docs on test types).
    /// </summary>
    public GeneratorRun AssertCompiles()
    {
        var generatedTrees = GeneratedTrees.ToHashSet();
        var problems = Output.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error
                || (d.Severity == DiagnosticSeverity.Warning
                    && (generatedTrees.Contains(d.Location.SourceTree!) || d.Id != "CS1591")))
            .ToList();
        Assert.True(problems.Count == 0, "The generated code does not compile cleanly:\n" + Describe(problems));

        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        Assert.True(emit.Success, "Emit failed:\n" + Describe(emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return this;
    }

    /// <summary>Asserts no diagnostic of the compiler points into generated code, whatever the test sources contain.</summary>
    public GeneratorRun AssertGeneratedCodeHasNoDiagnostics()
    {
        var generatedTrees = GeneratedTrees.ToHashSet();
        var problems = Output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            .ToList();
        Assert.True(problems.Count == 0, "Generated code has diagnostics:\n" + Describe(problems));
        return this;
    }

    /// <summary>The syntax trees the generator added.</summary>
    public IEnumerable<SyntaxTree> GeneratedTrees => Result.GeneratedTrees;

    /// <summary>Emits the output compilation and loads it in a collectible context, which shares the runtime assembly with the tests.</summary>
    public LoadedAssembly Load()
    {
        using var stream = new MemoryStream();
        var emit = Output.Emit(stream);
        Assert.True(emit.Success, "Emit failed:\n" + Describe(emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        stream.Position = 0;
        var context = new AssemblyLoadContext("GeneratedClient", isCollectible: true);
        return new LoadedAssembly(context, context.LoadFromStream(stream));
    }

    internal static string Describe(IEnumerable<Diagnostic> diagnostics)
        => string.Join("\n", diagnostics.Select(d => d.ToString()));
}
