using System.Collections.Immutable;
using System.Globalization;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using CpWebSocket.Generators;
using CpWebSocket.Messaging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CpWebSocket.Benchmarks.Benchmarks;

/// <summary>
/// Two generators over the same 200 message types: CpWebSocket's, for a <c>[WebSocketClient]</c> that sends half
/// of them and receives the other half, and System.Text.Json's, for the <c>JsonSerializerContext</c> that client
/// names. Both trees sit in one compilation; each generator runs in a driver of its own.
/// </summary>
/// <remarks>
/// A full run is what a build pays: a new compilation of the already parsed sources and a new driver, so the
/// generator binds what it reads itself. An incremental run is what an IDE pays after each keystroke: the same
/// driver, the previous compilation with one unrelated method body changed.
/// </remarks>
public sealed class GeneratorWorkload
{
    public const int ContractCount = 200;

    /// <summary>Overrides where System.Text.Json's generator is looked for.</summary>
    public const string StjGeneratorVariable = "CPWEBSOCKET_STJ_GENERATOR";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true);

    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly SyntaxTree[] _unrelated;

    public GeneratorWorkload()
    {
        _unrelated = [Parse(UnrelatedSource(41), "Unrelated.cs"), Parse(UnrelatedSource(42), "Unrelated.cs")];
        _trees = [Parse(ContractsSource(), "Contracts.cs"), Parse(ContextSource(), "BigJsonContext.cs"), Parse(ClientSource(), "BigClient.cs"), _unrelated[0]];
        _references = LoadReferences();
        CpWebSocket = new WebSocketClientGenerator().AsSourceGenerator();
        SystemTextJson = LoadSystemTextJsonGenerator().AsSourceGenerator();
        ClientNameOnly = ReferenceGenerators.ClientNameOnly.AsSourceGenerator();
        DiscriminatorsOnly = ReferenceGenerators.DiscriminatorsOnly.AsSourceGenerator();
    }

    public ISourceGenerator CpWebSocket { get; }

    public ISourceGenerator SystemTextJson { get; }

    /// <inheritdoc cref="ReferenceGenerators.ClientNameOnly"/>
    public ISourceGenerator ClientNameOnly { get; }

    /// <inheritdoc cref="ReferenceGenerators.DiscriminatorsOnly"/>
    public ISourceGenerator DiscriminatorsOnly { get; }

    /// <summary>A new compilation of the parsed sources: nothing bound yet.</summary>
    public CSharpCompilation CreateCompilation() => CSharpCompilation.Create("Big", _trees, _references, CompilationOptions);

    /// <summary>One full run of <paramref name="generator"/>: a new driver over a new compilation.</summary>
    public GeneratorDriver RunFull(ISourceGenerator generator) =>
        CSharpGeneratorDriver.Create([generator], parseOptions: ParseOptions).RunGenerators(CreateCompilation());

    /// <summary>A driver that ran once, ready for <see cref="IncrementalSession.EditAndRun"/>.</summary>
    public IncrementalSession StartIncremental(ISourceGenerator generator) => new(this, generator);

    /// <summary>The generated files of a run, with their sizes, checking that the generator neither threw nor complained.</summary>
    public static IReadOnlyList<(string HintName, int Length)> Outputs(GeneratorDriver driver)
    {
        var result = driver.GetRunResult();
        var problems = result.Results.Where(r => r.Exception is not null).Select(r => r.Exception!.ToString())
            .Concat(result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()))
            .ToList();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException("The generator failed:\n" + string.Join('\n', problems));
        }

        return result.Results.SelectMany(r => r.GeneratedSources).Select(s => (s.HintName, s.SourceText.Length)).ToList();
    }

    /// <summary>
    /// System.Text.Json's generator as the SDK ships it, in the targeting pack's analyzers folder: the very assembly
    /// the compiler ran on this project's own JsonSerializerContext.
    /// </summary>
    public static string FindSystemTextJsonGenerator()
    {
        if (Environment.GetEnvironmentVariable(StjGeneratorVariable) is { Length: > 0 } configured)
        {
            return configured;
        }

        var roots = new[]
        {
            Environment.GetEnvironmentVariable("DOTNET_ROOT"),
            Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", "..")),
        };
        var major = Environment.Version.Major.ToString(CultureInfo.InvariantCulture) + ".";
        foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)))
        {
            var packs = Path.Combine(root!, "packs", "Microsoft.NETCore.App.Ref");
            if (!Directory.Exists(packs))
            {
                continue;
            }

            var found = Directory.GetDirectories(packs)
                .Where(d => Path.GetFileName(d).StartsWith(major, StringComparison.Ordinal))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
                .Select(d => Path.Combine(d, "analyzers", "dotnet", "cs", "System.Text.Json.SourceGeneration.dll"))
                .FirstOrDefault(File.Exists);
            if (found is not null)
            {
                return found;
            }
        }

        throw new FileNotFoundException(
            $"System.Text.Json.SourceGeneration.dll was not found under packs/Microsoft.NETCore.App.Ref/{major}*/analyzers/dotnet/cs of the .NET installation; set {StjGeneratorVariable} to its path.");
    }

    private static IIncrementalGenerator LoadSystemTextJsonGenerator()
    {
        var assembly = Assembly.LoadFrom(FindSystemTextJsonGenerator());
        var type = assembly.GetType("System.Text.Json.SourceGeneration.JsonSourceGenerator", throwOnError: true)!;
        return (IIncrementalGenerator)Activator.CreateInstance(type)!;
    }

    private static SyntaxTree Parse(string source, string path) => CSharpSyntaxTree.ParseText(source, ParseOptions, path, Encoding.UTF8);

    /// <summary>The framework the benchmark runs on, plus the CpWebSocket runtime the attributes come from.</summary>
    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => string.Equals(Path.GetDirectoryName(path), framework, StringComparison.Ordinal))
            .Append(typeof(MessageClient).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static string ContractsSource()
    {
        var source = new StringBuilder("using CpWebSocket;\n\nnamespace Big;\n\n");
        for (var i = 0; i < ContractCount; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"[Message(\"message.{i}\")] public sealed record Message{i}(int Id, string Text, double Value, System.DateTimeOffset At);\n");
        }

        return source.ToString();
    }

    private static string ContextSource()
    {
        var source = new StringBuilder("using System.Text.Json.Serialization;\n\nnamespace Big;\n\n[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]\n");
        for (var i = 0; i < ContractCount; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"[JsonSerializable(typeof(Message{i}))]\n");
        }

        return source.Append("public sealed partial class BigJsonContext : JsonSerializerContext;\n").ToString();
    }

    private static string ClientSource()
    {
        var source = new StringBuilder("using CpWebSocket;\n\nnamespace Big;\n\n[WebSocketClient(SerializerContext = typeof(BigJsonContext))]\n");
        for (var i = 0; i < ContractCount; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"[{(i % 2 == 0 ? "Sends" : "Receives")}(typeof(Message{i}))]\n");
        }

        return source.Append("public sealed partial class BigClient;\n").ToString();
    }

    private static string UnrelatedSource(int answer) =>
        $"namespace Big;\n\npublic static class Unrelated\n{{\n    public static int Answer() => {answer};\n}}\n";

    /// <summary>A driver kept between runs, fed compilations that differ from the previous one in one method body.</summary>
    public sealed class IncrementalSession
    {
        private readonly SyntaxTree[] _unrelated;
        private GeneratorDriver _driver;
        private Compilation _compilation;
        private int _edits;

        internal IncrementalSession(GeneratorWorkload workload, ISourceGenerator generator)
        {
            _unrelated = workload._unrelated;
            _compilation = workload.CreateCompilation();
            _driver = CSharpGeneratorDriver.Create([generator], parseOptions: ParseOptions).RunGenerators(_compilation);
        }

        public GeneratorDriver Driver => _driver;

        /// <summary>Swaps the unrelated file for its other version, as an edit would, and runs the driver again.</summary>
        public GeneratorDriver EditAndRun()
        {
            var current = _unrelated[_edits % 2];
            var next = _unrelated[++_edits % 2];
            _compilation = _compilation.ReplaceSyntaxTree(current, next);
            _driver = _driver.RunGenerators(_compilation);
            return _driver;
        }
    }
}
