using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>CPWS0028: a message names a second-level value its first level has no [Route] for.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SecondLevelWithoutRouteAnalyzer() : ClientRuleAnalyzer(DiagnosticDescriptors.SecondLevelWithoutRoute);
