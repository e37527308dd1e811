using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Tests.Infrastructure;

/// <summary>
/// The MSBuild properties a build hands to analyzers (<c>build_property.*</c> in the global analyzer config), such as
/// <c>EnableTrimAnalyzer</c>, which the SDK sets for trimmed, Native AOT and AOT-compatible projects.
/// </summary>
internal sealed class BuildProperties(ImmutableDictionary<string, string> properties) : AnalyzerConfigOptionsProvider
{
    /// <summary>A project that sets none of the properties analyzers read.</summary>
    public static BuildProperties None { get; } = new(ImmutableDictionary<string, string>.Empty);

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(properties.ToImmutableDictionary(p => "build_property." + p.Key, p => p.Value));

    /// <summary>A project with <paramref name="name"/> set to <paramref name="value"/>.</summary>
    public static BuildProperties With(string name, string value) => new(ImmutableDictionary<string, string>.Empty.Add(name, value));

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

    /// <inheritdoc/>
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static Options Empty { get; } = new(ImmutableDictionary<string, string>.Empty);

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
