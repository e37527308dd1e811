using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>CPWS0026: a [Route] path is malformed, names the discriminator, or is or contains the payload.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidRouteAnalyzer() : ClientRuleAnalyzer(DiagnosticDescriptors.InvalidRoute);
