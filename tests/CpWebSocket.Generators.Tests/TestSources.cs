namespace CpWebSocket.Generators.Tests;

/// <summary>Source snippets several tests share.</summary>
internal static class TestSources
{
    /// <summary>
    /// A <c>JsonSerializerContext</c> written by hand, since the System.Text.Json generator does not run in
    /// these tests: it declares <paramref name="types"/> with <c>[JsonSerializable]</c>, says it uses the web defaults
    /// (as it does), and resolves every type by reflection, which is enough for the generated client to start.
    /// </summary>
    public static string ReflectionBackedContext(string ns, string name, params string[] types)
        => ReflectionBackedContextWithOptions(ns, name, "[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]\n", types);

    /// <summary>
    /// Like <see cref="ReflectionBackedContext"/>, but, as a context System.Text.Json generates, it knows only the types
    /// it declares: for any other type it has no metadata.
    /// </summary>
    public static string DeclaredTypesOnlyContext(string ns, string name, params string[] types)
        => ReflectionBackedContext(ns, name, types).Replace(
            "public override JsonTypeInfo? GetTypeInfo(Type type) => s_reflection.GetTypeInfo(type, Options);",
            "public override JsonTypeInfo? GetTypeInfo(Type type)\n        => Array.IndexOf(new[] { " + string.Join(", ", types.Select(t => $"typeof({t})")) + " }, type) >= 0 ? s_reflection.GetTypeInfo(type, Options) : null;",
            StringComparison.Ordinal);

    /// <summary>
    /// Like <see cref="ReflectionBackedContext"/>, with <paramref name="attributes"/> (such as <c>[JsonSourceGenerationOptions]</c>)
    /// on the class; as a generated context, it runs with the options its <c>[JsonSourceGenerationOptions]</c> declares.
    /// </summary>
    public static string ReflectionBackedContextWithOptions(string ns, string name, string attributes, params string[] types)
        => $$"""
            using System;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using System.Text.Json.Serialization.Metadata;

            namespace {{ns}};

            {{attributes}}{{string.Concat(types.Select(t => $"[JsonSerializable(typeof({t}))]\n"))}}public sealed class {{name}} : JsonSerializerContext
            {
                private static readonly DefaultJsonTypeInfoResolver s_reflection = new();

                public static {{name}} Default { get; } = new();

                public {{name}}()
                    : base(DeclaredOptions())
                {
                }

                protected override JsonSerializerOptions? GeneratedSerializerOptions => null;

                public override JsonTypeInfo? GetTypeInfo(Type type) => s_reflection.GetTypeInfo(type, Options);

                // As System.Text.Json's generator does: the options [JsonSourceGenerationOptions] declares, the general defaults without it.
                private static JsonSerializerOptions DeclaredOptions()
                {
                    var declared = (JsonSourceGenerationOptionsAttribute?)Attribute.GetCustomAttribute(typeof({{name}}), typeof(JsonSourceGenerationOptionsAttribute));
                    if (declared is null)
                    {
                        return new JsonSerializerOptions();
                    }

                    return new JsonSerializerOptions
                    {
                        PropertyNamingPolicy = declared.PropertyNamingPolicy switch
                        {
                            JsonKnownNamingPolicy.CamelCase => JsonNamingPolicy.CamelCase,
                            JsonKnownNamingPolicy.SnakeCaseLower => JsonNamingPolicy.SnakeCaseLower,
                            JsonKnownNamingPolicy.SnakeCaseUpper => JsonNamingPolicy.SnakeCaseUpper,
                            JsonKnownNamingPolicy.KebabCaseLower => JsonNamingPolicy.KebabCaseLower,
                            JsonKnownNamingPolicy.KebabCaseUpper => JsonNamingPolicy.KebabCaseUpper,
                            _ => null,
                        },
                        PropertyNameCaseInsensitive = declared.PropertyNameCaseInsensitive,
                        NumberHandling = declared.NumberHandling,
                        DefaultIgnoreCondition = declared.DefaultIgnoreCondition,
                    };
                }
            }
            """;
}
