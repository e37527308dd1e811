using System;
using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators.Inspection;

/// <summary>
/// Predicts the JSON property names System.Text.Json gives a contract type, so that a flat message whose own
/// property would collide with the discriminator is caught at build time instead of when the client starts.
/// Only what is certain is predicted: with a naming policy other than camelCase nothing is reported.
/// </summary>
internal static class JsonPropertyNames
{
    private const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    private const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    private const string JsonIncludeAttribute = "System.Text.Json.Serialization.JsonIncludeAttribute";
    private const string JsonSourceGenerationOptionsAttribute = "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute";

    // Values of System.Text.Json's JsonSerializerDefaults and JsonKnownNamingPolicy.
    private const int WebDefaults = 1;
    private const int UnspecifiedPolicy = 0;
    private const int CamelCasePolicy = 1;

    /// <summary>How property names are transformed.</summary>
    public enum Policy
    {
        /// <summary>Names are written as declared.</summary>
        AsDeclared,

        /// <summary>Names are camelCased (the web defaults).</summary>
        CamelCase,

        /// <summary>Another policy, which is not predicted.</summary>
        Unknown,
    }

    /// <summary>
    /// The policy of <paramref name="context"/>'s <c>[JsonSourceGenerationOptions]</c>, or camelCase for reflection,
    /// which uses the web defaults.
    /// </summary>
    public static Policy PolicyOf(INamedTypeSymbol? context)
    {
        if (context is null)
        {
            return Policy.CamelCase;
        }

        foreach (var attribute in context.GetAttributes())
        {
            if (!attribute.AttributeClass.IsType(JsonSourceGenerationOptionsAttribute))
            {
                continue;
            }

            var policy = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int defaults && defaults == WebDefaults
                ? Policy.CamelCase
                : Policy.AsDeclared;
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "PropertyNamingPolicy" && argument.Value.Value is int known)
                {
                    policy = known switch
                    {
                        UnspecifiedPolicy => Policy.AsDeclared,
                        CamelCasePolicy => Policy.CamelCase,
                        _ => Policy.Unknown,
                    };
                }
            }

            return policy;
        }

        return Policy.AsDeclared;
    }

    /// <summary>
    /// The declared name of the member of <paramref name="type"/> serialized as <paramref name="jsonName"/>, or
    /// <see langword="null"/> when there is none (or the policy is unknown). Ignored members do not count.
    /// </summary>
    public static string? FindMemberSerializedAs(INamedTypeSymbol type, string jsonName, Policy policy)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (!IsSerialized(member))
                {
                    continue;
                }

                var name = ExplicitName(member) ?? (policy switch
                {
                    Policy.AsDeclared => member.Name,
                    Policy.CamelCase => ToCamelCase(member.Name),
                    _ => null,
                });
                if (string.Equals(name, jsonName, StringComparison.Ordinal))
                {
                    return member.Name;
                }
            }
        }

        return null;
    }

    /// <summary>System.Text.Json's camelCase conversion: the leading run of capitals is lowered (<c>URLValue</c> gives <c>urlValue</c>).</summary>
    public static string ToCamelCase(string name)
    {
        if (name.Length == 0 || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }

    private static bool IsSerialized(ISymbol member)
    {
        if (member.IsStatic || member.IsImplicitlyDeclared || HasIgnoreAlways(member))
        {
            return false;
        }

        return member switch
        {
            IPropertySymbol { IsIndexer: false } property
                => property.GetMethod is not null
                    && (property.DeclaredAccessibility == Accessibility.Public || HasAttribute(property, JsonIncludeAttribute))
                    && property.Name != "EqualityContract",
            IFieldSymbol field => HasAttribute(field, JsonIncludeAttribute),
            _ => false,
        };
    }

    private static string? ExplicitName(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass.IsType(JsonPropertyNameAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is string name)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>Whether the member has <c>[JsonIgnore]</c> with the default condition, which always leaves it out.</summary>
    private static bool HasIgnoreAlways(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass.IsType(JsonIgnoreAttribute))
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    // JsonIgnoreCondition.Always is 1; the other conditions still write the property sometimes.
                    if (argument.Key == "Condition" && argument.Value.Value is int condition && condition != 1)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private static bool HasAttribute(ISymbol member, string metadataName)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass.IsType(metadataName))
            {
                return true;
            }
        }

        return false;
    }
}
