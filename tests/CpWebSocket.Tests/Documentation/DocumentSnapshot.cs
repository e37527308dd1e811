using Xunit.Sdk;

namespace CpWebSocket.Tests.Documentation;

/// <summary>
/// Snapshots of documents, with the generator snapshots' conventions: <c>Documentation/Snapshots/&lt;name&gt;.verified.json</c>
/// (or <c>.yaml</c>) beside the tests; a mismatch writes <c>&lt;name&gt;.received.json</c> and fails, saying where the texts
/// part; <c>CPWS_ACCEPT_SNAPSHOTS=1</c> writes the verified file instead.
/// </summary>
public static class DocumentSnapshot
{
    /// <summary>The environment variable that accepts every received snapshot.</summary>
    public const string AcceptVariable = "CPWS_ACCEPT_SNAPSHOTS";

    /// <summary>Compares <paramref name="actual"/> with <c>Snapshots/<paramref name="name"/>.verified.<paramref name="extension"/></c>.</summary>
    public static void Verify(string name, string extension, string actual)
    {
        var directory = SnapshotDirectory();
        var verifiedPath = Path.Combine(directory, $"{name}.verified.{extension}");
        var receivedPath = Path.Combine(directory, $"{name}.received.{extension}");
        var verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath).ReplaceLineEndings("\n") : null;
        if (verified == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(verifiedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        if (verified is null)
        {
            throw new XunitException($"{verifiedPath} does not exist; the document was written to {receivedPath}. Review it, then rename it or run with {AcceptVariable}=1.");
        }

        var expectedLines = verified.Split('\n');
        var actualLines = actual.Split('\n');
        var line = 0;
        while (line < expectedLines.Length && line < actualLines.Length && expectedLines[line] == actualLines[line])
        {
            line++;
        }

        throw new XunitException(
            $"{Path.GetFileName(verifiedPath)} differs from the document at line {line + 1}:\n"
            + $"- {(line < expectedLines.Length ? expectedLines[line] : "(end)")}\n"
            + $"+ {(line < actualLines.Length ? actualLines[line] : "(end)")}\n"
            + $"The document was written to {receivedPath}; run with {AcceptVariable}=1 to accept it.");
    }

    /// <summary>The snapshot folder of the source tree the tests were built from.</summary>
    private static string SnapshotDirectory()
    {
        var relative = Path.Combine("tests", "CpWebSocket.Tests", "Documentation", "Snapshots");
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Could not find {relative} above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }
}
