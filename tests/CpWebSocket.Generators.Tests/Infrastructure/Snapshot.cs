using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using DiffPlex.Renderer;
using Microsoft.CodeAnalysis;
using Xunit.Sdk;

namespace CpWebSocket.Generators.Tests.Infrastructure;

/// <summary>
/// Snapshot checks in the shape of Verify's: each generated file is compared with
/// <c>Snapshots/&lt;TestClass&gt;.&lt;TestName&gt;#&lt;HintName&gt;.verified.cs</c> next to the test file.
/// A mismatch writes the actual text to a <c>.received.cs</c> file beside it and fails with a unified diff;
/// running with <c>CPWS_ACCEPT_SNAPSHOTS=1</c> writes the verified files instead.
/// </summary>
internal static partial class Snapshot
{
    /// <summary>The environment variable that accepts every received snapshot.</summary>
    public const string AcceptVariable = "CPWS_ACCEPT_SNAPSHOTS";

    /// <summary>The token that replaces the generator version in <c>[GeneratedCode]</c>.</summary>
    public const string VersionToken = "{GeneratorVersion}";

    private const string VerifiedSuffix = ".verified.cs";
    private const string ReceivedSuffix = ".received.cs";

    private static bool Accepting => Environment.GetEnvironmentVariable(AcceptVariable) == "1";

    /// <summary>Checks every source in <paramref name="result"/>, and that no snapshot of this test is left without a source.</summary>
    public static void Verify(
        GeneratorDriverRunResult result,
        [CallerFilePath] string testFile = "",
        [CallerMemberName] string testName = "")
    {
        var prefix = Path.GetFileNameWithoutExtension(testFile) + "." + testName + "#";
        var directory = SnapshotDirectory(testFile);
        var sources = result.Results.SelectMany(r => r.GeneratedSources).OrderBy(s => s.HintName, StringComparer.Ordinal).ToList();
        if (sources.Count == 0)
        {
            throw new XunitException("The generator produced no source to compare.");
        }

        var failures = new List<string>();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var name = prefix + StripCsExtension(source.HintName);
            expectedFiles.Add(name + VerifiedSuffix);
            var failure = Compare(directory, name, Scrub(source.SourceText.ToString()), Accepting);
            if (failure is not null)
            {
                failures.Add(failure);
            }
        }

        if (Directory.Exists(directory))
        {
            foreach (var stale in Directory.EnumerateFiles(directory, prefix + "*" + VerifiedSuffix))
            {
                if (!expectedFiles.Contains(Path.GetFileName(stale)))
                {
                    if (Accepting)
                    {
                        File.Delete(stale);
                    }
                    else
                    {
                        failures.Add($"{Path.GetFileName(stale)} has no generated source any more; delete it or run with {AcceptVariable}=1.");
                    }
                }
            }
        }

        if (failures.Count > 0)
        {
            throw new XunitException(string.Join("\n\n", failures));
        }
    }

    /// <summary>Replaces what changes from build to build (the generator version) with fixed tokens.</summary>
    public static string Scrub(string text)
        => GeneratedCodeVersion().Replace(text, "GeneratedCode(\"CpWebSocket.Generators\", \"" + VersionToken + "\")");

    /// <summary>
    /// Compares <paramref name="actual"/> with <c>&lt;name&gt;.verified.cs</c>; returns the failure, or <see langword="null"/>
    /// when they match or <paramref name="accept"/> wrote it as the new verified text.
    /// </summary>
    internal static string? Compare(string directory, string name, string actual, bool accept)
    {
        actual = Normalize(actual);
        var verifiedPath = Path.Combine(directory, name + VerifiedSuffix);
        var receivedPath = Path.Combine(directory, name + ReceivedSuffix);
        var verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;

        if (verified == actual)
        {
            File.Delete(receivedPath);
            return null;
        }

        Directory.CreateDirectory(directory);
        if (accept)
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return null;
        }

        File.WriteAllText(receivedPath, actual);
        if (verified is null)
        {
            return $"No verified snapshot {name}{VerifiedSuffix}. Review {receivedPath} and rename it, or run with {AcceptVariable}=1.";
        }

        var diff = UnidiffRenderer.GenerateUnidiff(
            verified,
            actual,
            name + VerifiedSuffix,
            name + ReceivedSuffix,
            ignoreWhitespace: false,
            ignoreCase: false,
            contextLines: 3);
        return $"{name}{VerifiedSuffix} does not match; the actual text is in {receivedPath}. Accept with {AcceptVariable}=1.\n{diff}";
    }

    /// <summary>The <c>Snapshots</c> folder beside the test source file.</summary>
    internal static string SnapshotDirectory(string testFile)
        => Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");

    private static string StripCsExtension(string hintName)
        => hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName;

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    [GeneratedRegex("GeneratedCode\\(\"CpWebSocket\\.Generators\", \"[^\"]*\"\\)")]
    private static partial Regex GeneratedCodeVersion();
}
