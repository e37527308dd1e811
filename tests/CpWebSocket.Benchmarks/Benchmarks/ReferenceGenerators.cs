using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CpWebSocket.Benchmarks.Benchmarks;

/// <summary>
/// Two yardsticks for the incremental run, built the way CpWebSocket's generator is (ForAttributeWithMetadataName on
/// <c>[WebSocketClient]</c>, an equatable model, one output) but reading less. Roslyn runs such a transform again on
/// every new compilation, so their times split an incremental run into what any generator of this shape pays and
/// what reading the contracts costs.
/// </summary>
public static class ReferenceGenerators
{
    /// <summary>Finds the client class and reads its name only: the pipeline's own cost after an edit.</summary>
    public static IIncrementalGenerator ClientNameOnly { get; } = new Generator(static (context, _) => context.TargetSymbol.Name);

    /// <summary>
    /// Also resolves each <c>typeof</c> of <c>[Sends]</c>/<c>[Receives]</c> and reads its <c>[Message]</c> discriminator:
    /// the least any generator must bind to know the contracts, without their JSON shape.
    /// </summary>
    public static IIncrementalGenerator DiscriminatorsOnly { get; } = new Generator(static (context, cancellationToken) =>
    {
        var discriminators = new StringBuilder();
        foreach (var attribute in context.TargetSymbol.GetAttributes())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (attribute.AttributeClass?.Name is not ("SendsAttribute" or "ReceivesAttribute")
                || attribute.ConstructorArguments is not [{ Value: INamedTypeSymbol contract }])
            {
                continue;
            }

            foreach (var message in contract.GetAttributes())
            {
                if (message.AttributeClass?.Name == "MessageAttribute" && message.ConstructorArguments is [{ Value: var value }])
                {
                    discriminators.Append(contract.Name).Append('=').Append(value).Append(';');
                }
            }
        }

        return discriminators.ToString();
    });

    private sealed class Generator(Func<GeneratorAttributeSyntaxContext, CancellationToken, string> transform) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var models = context.SyntaxProvider.ForAttributeWithMetadataName(
                "CpWebSocket.WebSocketClientAttribute",
                static (node, _) => node is ClassDeclarationSyntax,
                transform);
            context.RegisterSourceOutput(models, static (output, model) =>
                output.AddSource("Reference.g.cs", $"// {model.Length} characters read\n"));
        }
    }
}
