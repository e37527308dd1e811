using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CpWebSocket.Generators;

/// <summary>
/// Generates the typed members of every <c>[WebSocketClient]</c> class: the base class, constructors, one
/// <c>SendAsync</c> per sent type, and an event plus a handler registration per received type.
/// </summary>
/// <remarks>
/// Invalid declarations are skipped without a word: <see cref="Diagnostics.WebSocketClientAnalyzer"/> reports them.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed partial class WebSocketClientGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var clients = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TypeNames.WebSocketClientAttribute,
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: static (attributeContext, cancellationToken) => Parser.Parse(attributeContext, cancellationToken))
            .WithTrackingName(TrackingNames.InitialExtraction)
            .Where(static model => model is not null)
            .Select(static (model, _) => model!)
            .WithTrackingName(TrackingNames.RemovingNulls);

        context.RegisterSourceOutput(clients, static (productionContext, model) =>
        {
            var source = Emitter.Emit(model);
            productionContext.AddSource(source.HintName, SourceText.From(source.Text, Encoding.UTF8));
        });
    }
}
