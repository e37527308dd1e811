using CpWebSocket.Generators.Tests.Infrastructure;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>The snapshot helper itself: it must fail loudly, leave the actual text beside, and accept on request.</summary>
public sealed class SnapshotHelperTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cpws-snapshots-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_missing_snapshot_fails_and_writes_the_received_file()
    {
        var failure = Snapshot.Compare(_directory, "T.M#A.g", "class A {}\n", accept: false);

        Assert.NotNull(failure);
        Assert.Contains("No verified snapshot T.M#A.g.verified.cs", failure, StringComparison.Ordinal);
        Assert.Equal("class A {}\n", File.ReadAllText(Path.Combine(_directory, "T.M#A.g.received.cs")));
        Assert.False(File.Exists(Path.Combine(_directory, "T.M#A.g.verified.cs")));
    }

    [Fact]
    public void A_mismatch_fails_with_a_unified_diff()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "T.M#A.g.verified.cs"), "line 1\nold line\nline 3\n");

        var failure = Snapshot.Compare(_directory, "T.M#A.g", "line 1\nnew line\nline 3\n", accept: false);

        Assert.NotNull(failure);
        Assert.Contains("--- T.M#A.g.verified.cs", failure, StringComparison.Ordinal);
        Assert.Contains("+++ T.M#A.g.received.cs", failure, StringComparison.Ordinal);
        Assert.Contains("-old line", failure, StringComparison.Ordinal);
        Assert.Contains("+new line", failure, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_directory, "T.M#A.g.received.cs")));
    }

    [Fact]
    public void A_match_passes_ignoring_line_endings_and_removes_a_stale_received_file()
    {
        Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "T.M#A.g.verified.cs"), "a\r\nb\r\n");
        File.WriteAllText(Path.Combine(_directory, "T.M#A.g.received.cs"), "stale");

        Assert.Null(Snapshot.Compare(_directory, "T.M#A.g", "a\nb\n", accept: false));
        Assert.False(File.Exists(Path.Combine(_directory, "T.M#A.g.received.cs")));
    }

    [Fact]
    public void Accepting_writes_the_verified_file()
    {
        Assert.Null(Snapshot.Compare(_directory, "T.M#A.g", "accepted\n", accept: true));

        Assert.Equal("accepted\n", File.ReadAllText(Path.Combine(_directory, "T.M#A.g.verified.cs")));
        Assert.False(File.Exists(Path.Combine(_directory, "T.M#A.g.received.cs")));
    }

    [Fact]
    public void The_generator_version_is_scrubbed()
    {
        var scrubbed = Snapshot.Scrub("[global::System.CodeDom.Compiler.GeneratedCode(\"CpWebSocket.Generators\", \"1.2.3.4\")]");

        Assert.Equal("[global::System.CodeDom.Compiler.GeneratedCode(\"CpWebSocket.Generators\", \"{GeneratorVersion}\")]", scrubbed);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
