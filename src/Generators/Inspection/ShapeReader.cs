using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using CpWebSocket.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CpWebSocket.Generators.Inspection;

/// <summary>
/// Reads, from the symbols, which members each type a client deserializes must carry: those it declares non-nullable
/// (a non-nullable reference in a nullable-enabled context, or a value type other than <c>Nullable&lt;T&gt;</c>), that
/// the serializer reads, without a default value (a constructor parameter's default or a property initializer), and
/// not typed by a type parameter. Nested objects and elements of collections of such types are read the same way; a
/// type met again inside itself is not followed further.
/// </summary>
internal sealed class ShapeReader
{
    private static readonly SymbolDisplayFormat TypeFormat =
        SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private readonly int _namingPolicy;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<ITypeSymbol, string?> _fields = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _fieldNames = new(StringComparer.Ordinal);
    private readonly List<ShapeModel> _shapes = [];

    /// <param name="namingPolicy">The <c>JsonKnownNamingPolicy</c> names are written with; with an unknown one no shape is read.</param>
    /// <param name="cancellationToken">Cancels the reading.</param>
    public ShapeReader(int namingPolicy, CancellationToken cancellationToken)
    {
        _namingPolicy = namingPolicy;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The shapes read so far, nested types before the types that hold them.</summary>
    public IReadOnlyList<ShapeModel> Shapes => _shapes;

    /// <summary>Reads the shape of <paramref name="type"/>; returns its field, or <see langword="null"/> when it has no members to check.</summary>
    public string? Read(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || !IsObject(named) || _namingPolicy == JsonPropertyNames.Unknown)
        {
            return null;
        }

        if (_fields.TryGetValue(named, out var known))
        {
            return known; // null while it is being read: a type inside itself is not followed
        }

        _cancellationToken.ThrowIfCancellationRequested();
        _fields[named] = null;
        var members = ReadMembers(named);
        if (members.Count == 0)
        {
            return null;
        }

        var field = FieldName(named);
        _fields[named] = field;
        _shapes.Add(new ShapeModel(named.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), field, members.ToEquatableArray()));
        return field;
    }

    /// <summary>Whether the serializer reads <paramref name="type"/> as an object whose members can be checked from generated code.</summary>
    private static bool IsObject(INamedTypeSymbol type)
    {
        if (type.TypeKind is not (TypeKind.Class or TypeKind.Struct)
            || type.IsAbstract
            || type.IsStatic
            || type.IsOpenGeneric()
            || type.SpecialType != SpecialType.None
            || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            || InSystemNamespace(type)
            || type.OriginalDefinition.HasAttribute(TypeNames.JsonConverterAttribute)
            || type.AllInterfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable))
        {
            return false;
        }

        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal) || current.IsFileLocal)
            {
                return false;
            }
        }

        return true;
    }

    private static bool InSystemNamespace(ITypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        while (ns is { ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "System" or "Microsoft" };
    }

    private List<ShapeMemberModel> ReadMembers(INamedTypeSymbol type)
    {
        var constructor = DeserializationConstructor(type);
        var members = new List<ShapeMemberModel>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object && current.SpecialType != SpecialType.System_ValueType; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (!JsonPropertyNames.IsSerialized(member) || !seen.Add(member.Name) || member.HasAttribute(TypeNames.JsonExtensionDataAttribute))
                {
                    continue;
                }

                if (ReadMember(member, constructor) is { } model)
                {
                    if (model.JsonName.Length == 0)
                    {
                        return []; // a name that cannot be predicted: check nothing rather than the wrong name
                    }

                    members.Add(model);
                }
            }
        }

        // Declaration order, base members after the type's own, is the order the serializer writes.
        return members;
    }

    private ShapeMemberModel? ReadMember(ISymbol member, IMethodSymbol? constructor)
    {
        if (member.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
        {
            return null; // generated code could not read it
        }

        var parameter = constructor?.Parameters.FirstOrDefault(p => string.Equals(p.Name, member.Name, StringComparison.OrdinalIgnoreCase));
        var settable = member switch
        {
            IPropertySymbol property => property.SetMethod is { DeclaredAccessibility: Accessibility.Public } || (property.SetMethod is not null && member.HasAttribute(TypeNames.JsonIncludeAttribute)),
            IFieldSymbol field => !field.IsReadOnly,
            _ => false,
        };
        if (parameter is null && !settable)
        {
            return null; // never read: the serializer only writes it
        }

        var type = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
        var declared = member.OriginalDefinition is IPropertySymbol op ? op.Type : ((IFieldSymbol)member.OriginalDefinition).Type;
        var nullableStruct = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
        var optional = declared is ITypeParameterSymbol
            || nullableStruct
            || (type.IsReferenceType && type.NullableAnnotation != NullableAnnotation.NotAnnotated)
            || (parameter?.HasExplicitDefaultValue ?? false)
            || HasInitializer(member);
        var test = optional ? ShapeTest.None
            : type.IsReferenceType ? ShapeTest.Null
            : type.IsType(TypeNames.JsonElement) ? ShapeTest.UndefinedElement
            : IsComparable(type) ? ShapeTest.Default
            : ShapeTest.None;

        var inner = nullableStruct ? ((INamedTypeSymbol)type).TypeArguments[0] : type;
        var valueShape = Read(inner);
        var itemsShape = valueShape is null ? Read(ElementType(inner)) : null;
        if (test == ShapeTest.None && valueShape is null && itemsShape is null)
        {
            return null;
        }

        var jsonName = JsonPropertyNames.JsonNameOf(member, _namingPolicy) ?? string.Empty;
        return new ShapeMemberModel(
            SymbolExtensions.EscapeIdentifier(member.Name),
            jsonName,
            test != ShapeTest.None,
            test,
            test == ShapeTest.Default ? type.ToDisplayString(TypeFormat) : null,
            valueShape,
            itemsShape,
            nullableStruct);
    }

    /// <summary>The constructor System.Text.Json deserializes with: <c>[JsonConstructor]</c>, a public parameterless one, or the only public one.</summary>
    private static IMethodSymbol? DeserializationConstructor(INamedTypeSymbol type)
    {
        var constructors = type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared || c.Parameters.Length > 0).ToList();
        var marked = constructors.FirstOrDefault(c => c.HasAttribute(TypeNames.JsonConstructorAttribute));
        if (marked is not null)
        {
            return marked;
        }

        var visible = constructors.Where(c => c.DeclaredAccessibility == Accessibility.Public).ToList();
        if (visible.Any(c => c.Parameters.Length == 0))
        {
            return null;
        }

        return visible.Count == 1 ? visible[0] : null;
    }

    private bool HasInitializer(ISymbol member)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax(_cancellationToken))
            {
                case PropertyDeclarationSyntax { Initializer: not null }:
                case VariableDeclaratorSyntax { Initializer: not null }:
                    return true;
            }
        }

        return false;
    }

    /// <summary>Whether a missing value type can be told by comparing with its default without boxing.</summary>
    private static bool IsComparable(ITypeSymbol type)
        => type.SpecialType != SpecialType.None
            || type.TypeKind == TypeKind.Enum
            || type.AllInterfaces.Any(i => i.OriginalDefinition.IsType(TypeNames.EquatableOfT) && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type));

    /// <summary>The element type of an array or a collection (not a dictionary, not a string), or <see langword="null"/>.</summary>
    private static ITypeSymbol? ElementType(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return array.ElementType;
        }

        if (type.SpecialType == SpecialType.System_String || type is not INamedTypeSymbol named)
        {
            return null;
        }

        List<INamedTypeSymbol> candidates = named.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
            ? [named]
            : [.. named.AllInterfaces.Where(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T)];
        if (candidates.Count != 1 || named.AllInterfaces.Any(i => i.Name is "IDictionary" or "IReadOnlyDictionary"))
        {
            return null;
        }

        return candidates[0].TypeArguments[0];
    }

    private string FieldName(INamedTypeSymbol type)
    {
        var builder = new StringBuilder("__");
        foreach (var c in type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat))
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        var stem = builder.ToString().TrimEnd('_') + "_Shape";
        var name = stem;
        for (var i = 2; !_fieldNames.Add(name); i++)
        {
            name = stem + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
