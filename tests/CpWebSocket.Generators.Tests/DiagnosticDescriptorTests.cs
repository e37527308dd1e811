using System.Reflection;
using System.Text.RegularExpressions;
using CpWebSocket.Generators.Diagnostics;
using CpWebSocket.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>The descriptor catalogue: ids, help links, registration and release tracking agree.</summary>
public sealed partial class DiagnosticDescriptorTests
{
    private static readonly DiagnosticDescriptor[] s_descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToArray();

    [Fact]
    public void Ids_are_unique_prefixed_and_numbered_from_one_without_gaps()
    {
        var ids = s_descriptors.Select(d => d.Id).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Enumerable.Range(1, ids.Count).Select(i => $"CPWS{i:D4}"), ids);
    }

    [Fact]
    public void Every_descriptor_has_the_category_a_help_link_and_a_message_that_says_what_to_do()
    {
        Assert.All(s_descriptors, d =>
        {
            Assert.Equal("CpWebSocket", d.Category);
            Assert.Equal("https://github.com/cpwebsocket/cpwebsocket#cpws" + d.Id[4..], d.HelpLinkUri);
            Assert.True(d.IsEnabledByDefault);
            Assert.NotEqual(DiagnosticSeverity.Hidden, d.DefaultSeverity);
            Assert.NotEmpty(d.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
        });
    }

    [Fact]
    public void Every_descriptor_is_reported_by_exactly_one_analyzer_and_each_newer_analyzer_reports_one_rule()
    {
        var analyzers = AnalyzerRun.AllAnalyzers;
        var supported = analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Order(StringComparer.Ordinal);

        Assert.Equal(s_descriptors.Select(d => d.Id).Order(StringComparer.Ordinal), supported);
        Assert.All(analyzers.Where(a => a is not WebSocketClientAnalyzer), a => Assert.Single(a.SupportedDiagnostics));
    }

    [Fact]
    public void Every_descriptor_is_tracked_in_the_unshipped_release_with_its_severity()
    {
        var path = Path.Combine(RepositoryRoot(), "src", "Generators", "AnalyzerReleases.Unshipped.md");
        var rows = ReleaseRow().Matches(File.ReadAllText(path))
            .ToDictionary(m => m.Groups["id"].Value, m => m.Groups["severity"].Value, StringComparer.Ordinal);

        Assert.Equal(s_descriptors.Length, rows.Count);
        Assert.All(s_descriptors, d => Assert.Equal(d.DefaultSeverity.ToString(), rows[d.Id]));
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string file = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", ".."));

    [GeneratedRegex(@"^(?<id>CPWS\d{4}) \| CpWebSocket \| (?<severity>\w+) \|", RegexOptions.Multiline)]
    private static partial Regex ReleaseRow();
}
