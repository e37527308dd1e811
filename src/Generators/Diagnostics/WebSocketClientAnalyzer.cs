using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using CpWebSocket.Generators.Inspection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics;

/// <summary>
/// Reports every <c>[WebSocketClient]</c> class, contract and <c>[Message]</c> value that the generator cannot
/// turn into code, with what to change. The generator itself stays silent and skips them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class WebSocketClientAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.TypeMustBePartial,
        DiagnosticDescriptors.ContractWithoutMessageAttribute,
        DiagnosticDescriptors.DuplicateDiscriminator,
        DiagnosticDescriptors.MixedDiscriminatorKinds,
        DiagnosticDescriptors.ContractMissingFromSerializerContext,
        DiagnosticDescriptors.InvalidSerializerContext,
        DiagnosticDescriptors.GenericClient,
        DiagnosticDescriptors.ClientHasBaseClass,
        DiagnosticDescriptors.StaticClient,
        DiagnosticDescriptors.UnsupportedContractType,
        DiagnosticDescriptors.GeneratedMemberNameCollision,
        DiagnosticDescriptors.EmptyEnvelopeProperty,
        DiagnosticDescriptors.PayloadPropertySameAsDiscriminator,
        DiagnosticDescriptors.DuplicateContract,
        DiagnosticDescriptors.GeneratedMemberHidesInherited,
        DiagnosticDescriptors.InvalidMessageDiscriminator,
        DiagnosticDescriptors.RecordClient,
        DiagnosticDescriptors.FlatPropertyCollidesWithDiscriminator,
        DiagnosticDescriptors.FileLocalClient,
        DiagnosticDescriptors.RequestWithoutRequestId,
        DiagnosticDescriptors.UnsupportedResponseType,
        DiagnosticDescriptors.InvalidRequestMethodName,
        DiagnosticDescriptors.InvalidRequestTimeout,
        DiagnosticDescriptors.InvalidRequestIdProperty,
        DiagnosticDescriptors.RequestPropertyCollidesWithRequestId);

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static startContext =>
        {
            // Projects that do not reference CpWebSocket pay nothing.
            if (startContext.Compilation.GetTypeByMetadataName(TypeNames.WebSocketClientAttribute) is null
                && startContext.Compilation.GetTypeByMetadataName(TypeNames.MessageAttribute) is null)
            {
                return;
            }

            startContext.RegisterSymbolAction(AnalyzeType, SymbolKind.NamedType);
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass.IsType(TypeNames.WebSocketClientAttribute))
            {
                var diagnostics = new List<Diagnostic>();
                ClientInspector.Inspect(type, attribute, context.Compilation, diagnostics, context.CancellationToken);
                foreach (var diagnostic in diagnostics)
                {
                    context.ReportDiagnostic(diagnostic);
                }
            }
            else if (attribute.AttributeClass.IsType(TypeNames.MessageAttribute))
            {
                AnalyzeMessageAttribute(context, type, attribute);
            }
        }
    }

    private static void AnalyzeMessageAttribute(SymbolAnalysisContext context, INamedTypeSymbol type, AttributeData attribute)
    {
        if (attribute.ConstructorArguments.Length is not (1 or 2) || attribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error))
        {
            return;
        }

        if (attribute.ConstructorArguments.Any(a => !Discriminator.TryCreate(a.Value, out _)))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.InvalidMessageDiscriminator,
                ClientInspector.GetArgumentLocation(attribute, context.CancellationToken) ?? type.Locations[0],
                type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)));
        }
    }
}
