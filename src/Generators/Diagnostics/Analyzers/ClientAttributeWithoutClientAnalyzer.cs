using System.Collections.Immutable;
using System.Linq;
using CpWebSocket.Generators.Inspection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>
/// CPWS0037: <c>[Sends]</c>, <c>[Receives]</c>, <c>[Route]</c> or <c>[EnvelopeConstant]</c> on a class without
/// <c>[WebSocketClient]</c>. Nothing is generated for such a class, and the compiler would only say so at each use of a
/// member it lacks (CS1729 at <c>new Client(url)</c>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ClientAttributeWithoutClientAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The attributes that describe a client, in the order the message names them.</summary>
    private static readonly (string MetadataName, string Display)[] s_clientAttributes =
    [
        (TypeNames.SendsAttribute, "[Sends]"),
        (TypeNames.ReceivesAttribute, "[Receives]"),
        (TypeNames.RouteAttribute, "[Route]"),
        (TypeNames.EnvelopeConstantAttribute, "[EnvelopeConstant]"),
    ];

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.ClientAttributeWithoutClient);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static startContext =>
        {
            // Projects that do not reference CpWebSocket pay nothing.
            if (startContext.Compilation.GetTypeByMetadataName(TypeNames.WebSocketClientAttribute) is null)
            {
                return;
            }

            startContext.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
        });
    }

    private static void Analyze(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var present = new bool[s_clientAttributes.Length];
        AttributeData? first = null;
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass.IsType(TypeNames.WebSocketClientAttribute))
            {
                return;
            }

            for (var i = 0; i < s_clientAttributes.Length; i++)
            {
                if (attribute.AttributeClass.IsType(s_clientAttributes[i].MetadataName))
                {
                    first ??= attribute;
                    present[i] = true;
                }
            }
        }

        if (first is null)
        {
            return;
        }

        // The class name in the declaration that carries the first of them: where [WebSocketClient] belongs.
        var location = first.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) is { Parent.Parent: TypeDeclarationSyntax declaration }
            ? declaration.Identifier.GetLocation()
            : type.Locations.FirstOrDefault();
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.ClientAttributeWithoutClient,
            location,
            type.Name,
            string.Join(", ", s_clientAttributes.Where((_, i) => present[i]).Select(a => a.Display))));
    }
}
