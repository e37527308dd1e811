using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>CPWS0030: a pattern (a value ending in *) where an exact value is needed: a sent message or a response.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PatternNotReceivedAnalyzer() : ClientRuleAnalyzer(DiagnosticDescriptors.PatternNotReceived);
