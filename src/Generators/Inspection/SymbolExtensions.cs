using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CpWebSocket.Generators.Inspection;

/// <summary>Small symbol queries shared by the parser and the analyzer.</summary>
internal static class SymbolExtensions
{
    /// <summary>
    /// Whether <paramref name="type"/> is the top-level type named by <paramref name="metadataName"/>
    /// (<c>Namespace.Name</c>, generic arity as <c>`1</c>). Compares names, not symbols, so it works when the
    /// type comes from any reference and allocates nothing.
    /// </summary>
    public static bool IsType(this ITypeSymbol? type, string metadataName)
    {
        if (type is not INamedTypeSymbol named || named.ContainingType is not null)
        {
            return false;
        }

        var dot = metadataName.LastIndexOf('.');
        if (!string.Equals(named.MetadataName, metadataName.Substring(dot + 1), System.StringComparison.Ordinal))
        {
            return false;
        }

        var end = dot;
        var ns = named.ContainingNamespace;
        while (end > 0)
        {
            if (ns is null || ns.IsGlobalNamespace)
            {
                return false;
            }

            var start = metadataName.LastIndexOf('.', end - 1) + 1;
            var segmentLength = end - start;
            if (ns.Name.Length != segmentLength
                || string.CompareOrdinal(ns.Name, 0, metadataName, start, segmentLength) != 0)
            {
                return false;
            }

            ns = ns.ContainingNamespace;
            end = start - 1;
        }

        return ns is null || ns.IsGlobalNamespace;
    }

    /// <summary>Whether <paramref name="type"/> derives, directly or not, from the type named by <paramref name="metadataName"/>.</summary>
    public static bool DerivesFrom(this ITypeSymbol type, string metadataName)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current.IsType(metadataName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is open: unbound, or built on a type parameter anywhere in it.</summary>
    public static bool IsOpenGeneric(this INamedTypeSymbol type) => type.IsUnboundGenericType || ContainsTypeParameter(type);

    private static bool ContainsTypeParameter(ITypeSymbol type)
    {
        switch (type)
        {
            case ITypeParameterSymbol:
                return true;
            case IArrayTypeSymbol array:
                return ContainsTypeParameter(array.ElementType);
            case IPointerTypeSymbol pointer:
                return ContainsTypeParameter(pointer.PointedAtType);
            case INamedTypeSymbol named:
                for (var current = named; current is not null; current = current.ContainingType)
                {
                    foreach (var argument in current.TypeArguments)
                    {
                        if (ContainsTypeParameter(argument))
                        {
                            return true;
                        }
                    }
                }

                return false;
            default:
                return false;
        }
    }

    /// <summary>Whether <paramref name="symbol"/> carries the attribute named by <paramref name="metadataName"/>.</summary>
    public static bool HasAttribute(this ISymbol symbol, string metadataName) => symbol.FindAttribute(metadataName) is not null;

    /// <summary>The first attribute of <paramref name="symbol"/> named by <paramref name="metadataName"/>, or <see langword="null"/>.</summary>
    public static AttributeData? FindAttribute(this ISymbol symbol, string metadataName)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass.IsType(metadataName))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Prefixes <paramref name="name"/> with <c>@</c> when it is a reserved C# keyword.</summary>
    public static string EscapeIdentifier(string name)
        => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
