using System;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators.Inspection;

/// <summary>
/// Predicts the JSON property names System.Text.Json gives a contract type's members, with the naming policies it
/// knows (<c>JsonKnownNamingPolicy</c>): for the shapes of received types, and to catch a sent member whose name the
/// envelope also writes. Only what is certain is predicted: with a policy it does not know, nothing is.
/// </summary>
internal static class JsonPropertyNames
{
    /// <summary><c>JsonKnownNamingPolicy.Unspecified</c>: names as declared.</summary>
    public const int AsDeclared = 0;

    /// <summary><c>JsonKnownNamingPolicy.CamelCase</c>.</summary>
    public const int CamelCase = 1;

    /// <summary>A policy set some other way (a custom <c>JsonNamingPolicy</c>), which is not predicted.</summary>
    public const int Unknown = -1;

    private const int SnakeCaseLower = 2;
    private const int SnakeCaseUpper = 3;
    private const int KebabCaseLower = 4;
    private const int KebabCaseUpper = 5;

    /// <summary>
    /// The naming policy of <paramref name="context"/>'s <c>[JsonSourceGenerationOptions]</c> (names as declared when it
    /// has none), or <paramref name="declared"/> for a client serialized by reflection.
    /// </summary>
    public static int PolicyOf(INamedTypeSymbol? context, int declared = CamelCase)
        => context is null ? declared : ContextSettings.Of(context).NamingPolicy;

    /// <summary>Converts a member name with a known policy; <see langword="null"/> for <see cref="Unknown"/>.</summary>
    public static string? Convert(string name, int policy) => policy switch
    {
        AsDeclared => name,
        CamelCase => ToCamelCase(name),
        SnakeCaseLower => ToSeparated(name, '_', lowercase: true),
        SnakeCaseUpper => ToSeparated(name, '_', lowercase: false),
        KebabCaseLower => ToSeparated(name, '-', lowercase: true),
        KebabCaseUpper => ToSeparated(name, '-', lowercase: false),
        _ => null,
    };

    /// <summary>The JSON name of a member: its <c>[JsonPropertyName]</c>, else its name converted by <paramref name="policy"/>.</summary>
    public static string? JsonNameOf(ISymbol member, int policy) => ExplicitName(member) ?? Convert(member.Name, policy);

    /// <summary>
    /// The declared name of the member of <paramref name="type"/> serialized as <paramref name="jsonName"/>, or
    /// <see langword="null"/> when there is none (or the policy is unknown). Ignored members do not count.
    /// </summary>
    public static string? FindMemberSerializedAs(INamedTypeSymbol type, string jsonName, int policy)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                if (IsSerialized(member) && string.Equals(JsonNameOf(member, policy), jsonName, StringComparison.Ordinal))
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

    /// <summary>
    /// System.Text.Json's snake_case and kebab-case conversion: a separator where a lowercase letter or digit meets an
    /// uppercase one, and before the last capital of a run that a lowercase letter follows (<c>XMLReader</c> gives
    /// <c>xml_reader</c>); spaces between words become one separator; other characters are kept and restart a word.
    /// </summary>
    public static string ToSeparated(string name, char separator, bool lowercase)
    {
        var builder = new StringBuilder(name.Length + (name.Length / 4));
        var state = SeparatorState.NotStarted;
        for (var i = 0; i < name.Length; i++)
        {
            var current = name[i];
            var category = char.GetUnicodeCategory(current);
            switch (category)
            {
                case UnicodeCategory.UppercaseLetter:
                    if (state is SeparatorState.LowercaseLetterOrDigit or SeparatorState.SpaceSeparator
                        || (state == SeparatorState.UppercaseLetter && i + 1 < name.Length && char.IsLower(name[i + 1])))
                    {
                        builder.Append(separator);
                    }

                    builder.Append(lowercase ? char.ToLowerInvariant(current) : current);
                    state = SeparatorState.UppercaseLetter;
                    break;

                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.DecimalDigitNumber:
                    if (state == SeparatorState.SpaceSeparator)
                    {
                        builder.Append(separator);
                    }

                    builder.Append(!lowercase && category == UnicodeCategory.LowercaseLetter ? char.ToUpperInvariant(current) : current);
                    state = SeparatorState.LowercaseLetterOrDigit;
                    break;

                case UnicodeCategory.SpaceSeparator:
                    if (state != SeparatorState.NotStarted)
                    {
                        state = SeparatorState.SpaceSeparator;
                    }

                    break;

                default:
                    builder.Append(current);
                    state = SeparatorState.NotStarted;
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether System.Text.Json serializes <paramref name="member"/> with default settings.</summary>
    public static bool IsSerialized(ISymbol member)
    {
        if (member.IsStatic || member.IsImplicitlyDeclared || HasIgnoreAlways(member))
        {
            return false;
        }

        return member switch
        {
            IPropertySymbol { IsIndexer: false } property
                => property.GetMethod is not null
                    && property.ExplicitInterfaceImplementations.Length == 0
                    && (property.DeclaredAccessibility == Accessibility.Public || member.HasAttribute(TypeNames.JsonIncludeAttribute))
                    && property.Name != "EqualityContract",
            IFieldSymbol field => field.HasAttribute(TypeNames.JsonIncludeAttribute),
            _ => false,
        };
    }

    /// <summary>The member's <c>[JsonPropertyName]</c>, or <see langword="null"/>.</summary>
    public static string? ExplicitName(ISymbol member)
    {
        foreach (var attribute in member.GetAttributes())
        {
            if (attribute.AttributeClass.IsType(TypeNames.JsonPropertyNameAttribute)
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
            if (attribute.AttributeClass.IsType(TypeNames.JsonIgnoreAttribute))
            {
                foreach (var argument in attribute.NamedArguments)
                {
                    // The other conditions still write (and read) the property sometimes.
                    if (argument.Key == "Condition" && argument.Value.Value is int condition && condition != TypeNames.IgnoreAlways)
                    {
                        return false;
                    }
                }

                return true;
            }
        }

        return false;
    }

    private enum SeparatorState
    {
        NotStarted,
        UppercaseLetter,
        LowercaseLetterOrDigit,
        SpaceSeparator,
    }
}
