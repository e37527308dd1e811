using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators.Inspection;

/// <summary>
/// A misdeclaration found while inspecting a client, kept as data: the generator leaves the declaration out, and the
/// analyzer of <see cref="Rule"/> reports it where <see cref="Attribute"/> and <see cref="Argument"/> point.
/// </summary>
/// <param name="Rule">The diagnostic it is reported as.</param>
/// <param name="Attribute">The attribute at fault, or <see langword="null"/> for the client's name.</param>
/// <param name="Argument">The named argument at fault, or <see langword="null"/> for the attribute's first positional argument.</param>
/// <param name="Arguments">The message arguments.</param>
internal sealed record DeclarationProblem(DiagnosticDescriptor Rule, AttributeData? Attribute, string? Argument, object?[] Arguments);
