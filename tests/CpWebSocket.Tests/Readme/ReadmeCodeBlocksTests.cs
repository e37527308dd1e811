using System.Text.RegularExpressions;

namespace CpWebSocket.Tests.Readme;

/// <summary>
/// Every C# block of the README, and of the packages' READMEs, stands, line for line and in order, in a compiled test or
/// sample (the packages' READMEs in the package smoke projects, compiled against the packed packages).
/// </summary>
public sealed partial class ReadmeCodeBlocksTests
{
    [Theory]
    [InlineData("README.md")]
    [InlineData("src/Runtime/PACKAGE.md")]
    [InlineData("src/Testing/README.md")]
    public void Every_csharp_block_of_the_readme_is_compiled_somewhere(string readmePath)
    {
        var root = RepositoryRoot();
        var readme = File.ReadAllText(Path.Combine(root, readmePath));
        var sources = new[] { "tests", "samples" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path: path, Lines: Significant(File.ReadAllLines(path))))
            .ToList();

        var blocks = CSharpBlock().Matches(readme).Select(m => Significant(m.Groups[1].Value.Split('\n'))).ToList();

        Assert.NotEmpty(blocks);
        foreach (var block in blocks)
        {
            Assert.True(
                sources.Any(source => ContainsInOrder(source.Lines, block)),
                "No test or sample holds this README block:\n" + string.Join('\n', block));
        }
    }

    private static List<string> Significant(IEnumerable<string> lines) =>
        lines.Select(line => line.Trim()).Where(line => line.Length > 0 && line != "// ...").ToList();

    private static bool ContainsInOrder(List<string> haystack, List<string> needle)
    {
        var at = 0;
        foreach (var line in haystack)
        {
            if (at < needle.Count && line == needle[at])
            {
                at++;
            }
        }

        return at == needle.Count;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CpWebSocket.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CpWebSocket.Sdk.sln was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
