using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>CPWS0035: a Responses type that is not an open generic IResponse over its own type parameter, or a client without requests.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidResponsesAnalyzer() : ClientRuleAnalyzer(DiagnosticDescriptors.InvalidResponses);
