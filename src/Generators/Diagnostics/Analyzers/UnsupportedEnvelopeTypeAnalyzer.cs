using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>CPWS0034: an Envelope type that cannot be deserialized or is not visible to the client.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnsupportedEnvelopeTypeAnalyzer() : ClientRuleAnalyzer(DiagnosticDescriptors.UnsupportedEnvelopeType);
