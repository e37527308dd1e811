using System.Collections.Immutable;
using CpWebSocket.Generators.Inspection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>
/// Reports one rule: the <see cref="DeclarationProblem"/>s of that rule that <see cref="ClientInspector"/> finds in a
/// <c>[WebSocketClient]</c> class, where they are written. Each rule is one sealed analyzer deriving from this one.
/// </summary>
public abstract class ClientRuleAnalyzer : DiagnosticAnalyzer
{
    private readonly DiagnosticDescriptor _rule;

    private protected ClientRuleAnalyzer(DiagnosticDescriptor rule)
    {
        _rule = rule;
        SupportedDiagnostics = ImmutableArray.Create(rule);
    }

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(startContext =>
        {
            // Projects that do not reference CpWebSocket pay nothing.
            if (startContext.Compilation.GetTypeByMetadataName(TypeNames.WebSocketClientAttribute) is null)
            {
                return;
            }

            startContext.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
        });
    }

    private void Analyze(SymbolAnalysisContext context)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = type.FindAttribute(TypeNames.WebSocketClientAttribute);
        if (attribute is null)
        {
            return;
        }

        var inspection = ClientInspector.Inspect(type, attribute, context.Compilation, diagnostics: null, context.CancellationToken);
        foreach (var problem in inspection.Problems)
        {
            if (problem.Rule.Id == _rule.Id)
            {
                context.ReportDiagnostic(Diagnostic.Create(_rule, LocationOf(problem, type, context.CancellationToken), problem.Arguments));
            }
        }
    }

    /// <summary>Where a problem is written: the named argument at fault, else the attribute's first argument, else the class name.</summary>
    private static Location? LocationOf(DeclarationProblem problem, INamedTypeSymbol client, System.Threading.CancellationToken cancellationToken)
    {
        if (problem.Attribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax syntax)
        {
            if (problem.Argument is null)
            {
                return ClientInspector.GetArgumentLocation(problem.Attribute, cancellationToken);
            }

            foreach (var argument in syntax.ArgumentList?.Arguments ?? default)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == problem.Argument)
                {
                    return argument.Expression.GetLocation();
                }
            }

            return syntax.GetLocation();
        }

        foreach (var reference in client.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration)
            {
                return declaration.Identifier.GetLocation();
            }
        }

        return null;
    }
}
