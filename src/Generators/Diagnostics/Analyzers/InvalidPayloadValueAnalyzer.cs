using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>CPWS0032: a [PayloadValue] that marks several members, stands in a flat message or a request, or cannot build the record.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidPayloadValueAnalyzer() : ClientRuleAnalyzer(DiagnosticDescriptors.InvalidPayloadValue);
