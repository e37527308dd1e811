using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CpWebSocket.Generators.Diagnostics.Analyzers;

/// <summary>CPWS0031: the serializer context names members, writes numbers or leaves out members otherwise than the client declares.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SerializerContextDiffersAnalyzer() : ClientRuleAnalyzer(DiagnosticDescriptors.SerializerContextDiffers);
