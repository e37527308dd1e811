using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>CPWS0029: a one-level message of a first-level value the client routes further.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RoutedMessageWithoutSecondLevelAnalyzer() : ClientRuleAnalyzer(DiagnosticDescriptors.RoutedMessageWithoutSecondLevel);
