using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Messaging.Shapes;
#if NET9_0_OR_GREATER
using System.Text.Json.Schema;
#endif

namespace CpWebSocket.Documentation;

/// <summary>
/// The JSON Schemas of payloads as System.Text.Json reads and writes them with the client's settings (names, number
/// handling, nullability), from <c>JsonSchemaExporter</c>, with <c>required</c> set to what the client holds a
/// message to: the members its shapes check (those declared non-nullable and without a default), or for a type it
/// only writes, its constructor's members that cannot be <c>null</c>.
/// </summary>
internal static class PayloadSchemas
{
    /// <summary>Whether the schemas are exported on this build: .NET 9 and later, where System.Text.Json has the exporter.</summary>
#if NET9_0_OR_GREATER
    public const bool Exported = true;
#else
    public const bool Exported = false;
#endif

    /// <summary>
    /// The schema of <paramref name="typeInfo"/>'s JSON, to stand at <paramref name="location"/> (a JSON pointer into
    /// the document, such as <c>#/components/schemas/Say</c>): its references to itself, which the exporter writes
    /// from its own root, are rewritten from there.
    /// </summary>
    public static JsonNode Export(JsonTypeInfo typeInfo, MessageShapes? shapes, string location)
    {
#if NET9_0_OR_GREATER
        var options = new JsonSchemaExporterOptions
        {
            TransformSchemaNode = (context, node) => SetRequired(context.TypeInfo, node, shapes),
        };
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(typeInfo, options);
        if (schema is JsonValue constant && constant.TryGetValue<bool>(out var any))
        {
            // A type with a converter of its own (NoResult, a user's) exports as true, any value; an AsyncAPI schema
            // in components must be an object, so the same is said as {} (and false as {"not": {}}).
            schema = any ? new JsonObject() : new JsonObject { ["not"] = new JsonObject() };
        }

        if (schema is JsonObject root)
        {
            if (Nullable.GetUnderlyingType(typeInfo.Type) is not null && !AdmitsNull(root))
            {
                // .NET 9's exporter leaves "null" out of a Nullable<T> at the root ({"op":1,"d":null}); .NET 10's puts it in.
                AddNull(root);
            }
            else if (typeInfo.Kind != JsonTypeInfoKind.None && !typeInfo.Type.IsValueType)
            {
                // A record, list or dictionary at the root is never null: the client writes the object, and reads an
                // absent or null payload as {} (a list or dictionary from null fails).
                RemoveNull(root);
            }
        }

        Relocate(schema, location);
        return schema;
#else
        _ = shapes;
        _ = location;
        return new JsonObject
        {
            ["description"] = $"The JSON Schema of {ComponentNames.Display(typeInfo.Type)} is written by CpWebSocket's builds for .NET 9 and later, where System.Text.Json exports schemas; this document was made on .NET 8.",
        };
#endif
    }

    /// <summary>Whether a value may be <c>null</c> under <paramref name="schema"/>: its type allows it, or the schema allows anything.</summary>
    public static bool AdmitsNull(JsonNode? schema) => schema switch
    {
        null => true,
        JsonObject o when o["type"] is JsonValue type => type.GetValue<string>() == "null",
        JsonObject o when o["type"] is JsonArray types => types.Any(t => t?.GetValue<string>() == "null"),
        JsonObject o => !o.ContainsKey("properties") && !o.ContainsKey("items") && !o.ContainsKey("enum") && !o.ContainsKey("const")
            && !o.ContainsKey("$ref") && !o.ContainsKey("allOf") && !o.ContainsKey("anyOf") && !o.ContainsKey("oneOf"),
        JsonValue value => value.TryGetValue<bool>(out var any) && any,
        _ => false,
    };

    /// <summary>Whether an object schema requires members (so an absent payload would not do).</summary>
    public static bool RequiresMembers(JsonNode schema) => schema is JsonObject { } o && o["required"] is JsonArray { Count: > 0 };

    private static JsonNode SetRequired(JsonTypeInfo typeInfo, JsonNode node, MessageShapes? shapes)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || node is not JsonObject schema || schema["properties"] is not JsonObject properties)
        {
            return node;
        }

        HashSet<string> required;
        if (shapes?.Find(typeInfo.Type) is { } shape)
        {
            required = shape.Members.Where(member => member.Required).Select(member => member.Name).ToHashSet(StringComparer.Ordinal);
        }
        else
        {
            // Written by the client only: the exporter's constructor members, less those that may be null.
            required = (schema["required"] as JsonArray ?? [])
                .Select(name => name!.GetValue<string>())
                .Where(name => !AdmitsNull(properties[name]))
                .ToHashSet(StringComparer.Ordinal);
        }

        schema.Remove("required");
        var names = properties.Select(property => property.Key).Where(required.Contains).ToArray();
        if (names.Length > 0)
        {
            schema["required"] = new JsonArray(names.Select(name => (JsonNode?)JsonValue.Create(name)).ToArray());
        }

        return schema;
    }

    private static void AddNull(JsonObject schema)
    {
        switch (schema["type"])
        {
            case JsonValue type:
                schema["type"] = new JsonArray(JsonValue.Create(type.GetValue<string>()), JsonValue.Create("null"));
                break;
            case JsonArray types:
                types.Add((JsonNode?)JsonValue.Create("null"));
                break;
        }
    }

    private static void RemoveNull(JsonObject schema)
    {
        if (schema["type"] is JsonArray types && types.FirstOrDefault(type => type?.GetValue<string>() == "null") is { } nullType)
        {
            types.Remove(nullType);
            if (types.Count == 1)
            {
                schema["type"] = types[0]!.GetValue<string>();
            }
        }
    }

    /// <summary>Rewrites the references a schema makes to itself (<c>#</c>, <c>#/properties/next</c>) to start at <paramref name="location"/>.</summary>
    private static void Relocate(JsonNode? node, string location)
    {
        switch (node)
        {
            case JsonObject o:
                if (o["$ref"] is JsonValue reference && reference.GetValue<string>() is ['#', ..] pointer)
                {
                    o["$ref"] = location + pointer[1..];
                }

                foreach (var property in o.ToArray())
                {
                    Relocate(property.Value, location);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Relocate(item, location);
                }

                break;
        }
    }
}
