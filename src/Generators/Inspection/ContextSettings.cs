using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators.Inspection;

/// <summary>
/// What a <c>JsonSerializerContext</c>'s <c>[JsonSourceGenerationOptions]</c> make of the wire: its naming policy, how
/// it writes numbers, which members it leaves out. Without the attribute, names stand as declared.
/// </summary>
/// <param name="NamingPolicy">A <c>JsonKnownNamingPolicy</c> value, or <see cref="JsonPropertyNames.Unknown"/>.</param>
/// <param name="NumberHandling">The <c>JsonNumberHandling</c> flags.</param>
/// <param name="IgnoreCondition">The <c>JsonIgnoreCondition</c> value.</param>
internal readonly record struct ContextSettings(int NamingPolicy, int NumberHandling, int IgnoreCondition)
{
    public static ContextSettings Of(INamedTypeSymbol context)
    {
        foreach (var attribute in context.GetAttributes())
        {
            if (!attribute.AttributeClass.IsType(TypeNames.JsonSourceGenerationOptionsAttribute))
            {
                continue;
            }

            var web = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is int defaults && defaults == TypeNames.WebDefaults;
            var settings = web
                ? new ContextSettings(JsonPropertyNames.CamelCase, TypeNames.AllowReadingFromString, TypeNames.IgnoreNever)
                : new ContextSettings(JsonPropertyNames.AsDeclared, 0, TypeNames.IgnoreNever);
            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case "PropertyNamingPolicy" when argument.Value.Value is int known:
                        settings = settings with { NamingPolicy = known is >= 0 and <= 5 ? known : JsonPropertyNames.Unknown };
                        break;
                    case "NumberHandling" when argument.Value.Value is int numbers:
                        settings = settings with { NumberHandling = numbers };
                        break;
                    case "DefaultIgnoreCondition" when argument.Value.Value is int ignore:
                        settings = settings with { IgnoreCondition = ignore };
                        break;
                }
            }

            return settings;
        }

        return new ContextSettings(JsonPropertyNames.AsDeclared, 0, TypeNames.IgnoreNever);
    }
}
