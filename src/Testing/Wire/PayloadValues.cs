using System.Reflection;
using System.Text.Json;

namespace CpWebSocket.Testing.Wire;

/// <summary>
/// The member marked <see cref="PayloadValueAttribute"/> of a contract whose payload is that member's value
/// (<c>{"op":1,"d":251}</c>), found by its attribute on a property, a field or a constructor parameter, as the
/// generator finds it.
/// </summary>
internal static class PayloadValues
{
    /// <summary>The JSON name of the member whose value is <paramref name="type"/>'s payload, or <see langword="null"/> for an object payload.</summary>
    public static string? JsonNameOf(Type type, JsonSerializerOptions options)
    {
        var member = Find(type);
        if (member is null)
        {
            return null;
        }

        foreach (var property in options.GetTypeInfo(type).Properties)
        {
            if (property.AttributeProvider is MemberInfo declared && declared.Name == member)
            {
                return property.Name;
            }
        }

        return options.PropertyNamingPolicy?.ConvertName(member) ?? member;
    }

    /// <summary>The C# name of the marked member, or <see langword="null"/>.</summary>
    private static string? Find(Type type)
    {
        const BindingFlags Instance = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance;
        foreach (var member in type.GetProperties(Instance).Cast<MemberInfo>().Concat(type.GetFields(Instance)))
        {
            if (member.IsDefined(typeof(PayloadValueAttribute), inherit: false))
            {
                return member.Name;
            }
        }

        // A positional record's parameter: the attribute stays on the parameter, its property bears the same name.
        foreach (var constructor in type.GetConstructors(Instance))
        {
            foreach (var parameter in constructor.GetParameters())
            {
                if (parameter.IsDefined(typeof(PayloadValueAttribute), inherit: false) && parameter.Name is { } name)
                {
                    return type.GetProperty(name, Instance | BindingFlags.IgnoreCase)?.Name ?? name;
                }
            }
        }

        return null;
    }
}
