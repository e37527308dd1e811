using System;
using System.Collections.Immutable;
using CpWebSocket.Generators.Inspection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>
/// CPWS0038: a <c>[WebSocketClient]</c> without <c>SerializerContext</c> in a project whose trim or AOT analysis is on
/// (<c>PublishTrimmed</c>, <c>PublishAot</c>, <c>IsTrimmable</c>, <c>IsAotCompatible</c>, or the analyzers switched on
/// directly). The generated client keeps its reflection-based protocol free of IL2026/IL3050, which would point into the
/// generated file with advice the user cannot act on; this rule says instead, at the client, what to do.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReflectionSerializationWhenTrimmedAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The MSBuild properties the SDK derives from the trimming and AOT settings, visible to analyzers.</summary>
    private static readonly string[] s_analysisSwitches = ["build_property.EnableTrimAnalyzer", "build_property.EnableAotAnalyzer"];

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ReflectionSerializationWhenTrimmed);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static startContext =>
        {
            // Projects that do not reference CpWebSocket, or are neither trimmed nor compiled ahead of time, pay nothing.
            if (startContext.Compilation.GetTypeByMetadataName(TypeNames.WebSocketClientAttribute) is null
                || !IsTrimmedOrAot(startContext.Options.AnalyzerConfigOptionsProvider.GlobalOptions))
            {
                return;
            }

            startContext.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
        });
    }

    private static bool IsTrimmedOrAot(AnalyzerConfigOptions options)
    {
        foreach (var name in s_analysisSwitches)
        {
            if (options.TryGetValue(name, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = type.FindAttribute(TypeNames.WebSocketClientAttribute);
        if (attribute is null)
        {
            return;
        }

        foreach (var argument in attribute.NamedArguments)
        {
            // A context that is named but unusable is CPWS0006's.
            if (argument.Key == TypeNames.SerializerContextArgument && argument.Value.Value is not null)
            {
                return;
            }
        }

        var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ReflectionSerializationWhenTrimmed, location, type.Name));
    }
}
