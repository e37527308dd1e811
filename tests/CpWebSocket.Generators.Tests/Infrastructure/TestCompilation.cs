using System.Collections.Immutable;
using CpWebSocket.Messaging;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CpWebSocket.Generators.Tests.Infrastructure;

/// <summary>Builds compilations of test sources against the real CpWebSocket runtime and the shared framework.</summary>
internal static class TestCompilation
{
    /// <summary>Latest C#, with documentation comments checked so missing or broken XML docs in generated code show up.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    /// <summary>The trusted platform assemblies plus the CpWebSocket runtime assembly.</summary>
    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>The runtime assembly generated code is compiled against.</summary>
    public static string RuntimeAssemblyPath => typeof(MessageClient).Assembly.Location;

    /// <summary>Creates a library compilation of <paramref name="sources"/>, named <c>Source0.cs</c>, <c>Source1.cs</c>...</summary>
    public static CSharpCompilation Create(params string[] sources)
        => CSharpCompilation.Create(
            "TestAssembly",
            sources.Select((source, index) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{index}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true));

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return trusted
            .Append(RuntimeAssemblyPath)
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
