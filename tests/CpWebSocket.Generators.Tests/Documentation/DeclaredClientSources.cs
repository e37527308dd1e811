using System.Runtime.CompilerServices;
using CpWebSocket.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CpWebSocket.Generators.Tests.Documentation;

/// <summary>
/// Every set of sources the tests of this project hand to a compilation and that declares a client: found in the text of
/// the test files (read from where they were built), at each call whose string arguments <see cref="SourceLiterals"/>
/// can work out and one of which declares a <c>[WebSocketClient]</c> class; a theory gives one set per row of its data.
/// </summary>
internal static class DeclaredClientSources
{
    /// <summary>The sets found, without repeats, in file and line order.</summary>
    public static IReadOnlyList<DeclaredSource> All { get; } = Find();

    private static List<DeclaredSource> Find([CallerFilePath] string thisFile = "")
    {
        var project = Path.GetDirectoryName(Path.GetDirectoryName(thisFile))!;
        var trees = Directory.EnumerateFiles(project, "*.cs", SearchOption.AllDirectories)
            .Where(path => !IsUnder(path, project, "bin") && !IsUnder(path, project, "obj") && !IsUnder(path, project, "Snapshots")
                && !IsUnder(path, project, "Documentation"))
            .Order(StringComparer.Ordinal)
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), TestCompilation.ParseOptions, path))
            .ToList();
        if (trees.Count == 0)
        {
            throw new InvalidOperationException($"Found no test files under {project}; run the tests from a clone of the repository they were built from.");
        }

        var literals = new SourceLiterals(trees);
        var found = new List<DeclaredSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in trees)
        {
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<BaseMethodDeclarationSyntax>())
            {
                var rows = literals.Rows(method);
                foreach (var call in method.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    for (var row = 0; row < rows.Count; row++)
                    {
                        // The strings that are C# files (not names, messages or fragments), one of them declaring a client.
                        var sources = call.ArgumentList.Arguments
                            .Select(argument => literals.Evaluate(argument.Expression, rows[row]))
                            .OfType<string>()
                            .Select(text => CSharpSyntaxTree.ParseText(DiagnosticMarkup.Parse(text).Source, TestCompilation.ParseOptions))
                            .Where(source => !source.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
                            .ToArray();
                        if (sources.Any(DeclaresClient) && seen.Add(string.Join("\n\u0000\n", sources.Select(s => s.ToString()))))
                        {
                            var line = call.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                            var place = $"{Path.GetRelativePath(project, tree.FilePath)}:{line}" + (rows.Count > 1 ? $" (row {row + 1})" : "");
                            found.Add(new DeclaredSource(place, sources.Select(s => s.ToString()).ToArray()));
                        }
                    }
                }
            }
        }

        return found;
    }

    private static bool DeclaresClient(SyntaxTree source)
        => source.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Any(type => type.AttributeLists.SelectMany(list => list.Attributes).Any(a => a.Name.ToString() is "WebSocketClient" or "WebSocketClientAttribute"));

    private static bool IsUnder(string path, string project, string folder)
        => Path.GetRelativePath(project, path).StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
