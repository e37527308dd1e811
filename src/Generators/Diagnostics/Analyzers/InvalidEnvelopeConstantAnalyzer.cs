using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>CPWS0033: an [EnvelopeConstant] without a usable name or value, or where the envelope writes something else.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InvalidEnvelopeConstantAnalyzer() : ClientRuleAnalyzer(DiagnosticDescriptors.InvalidEnvelopeConstant);
