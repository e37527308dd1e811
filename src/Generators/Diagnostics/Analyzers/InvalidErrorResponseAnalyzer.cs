using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>CPWS0036: an ErrorResponse type without a usable [Message], not a class, or on a client without requests.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidErrorResponseAnalyzer() : ClientRuleAnalyzer(DiagnosticDescriptors.InvalidErrorResponse);
