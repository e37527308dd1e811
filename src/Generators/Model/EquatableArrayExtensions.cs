using System.Collections.Generic;

namespace CpWebSocket.Generators.Model;

/// <summary>Builds <see cref="EquatableArray{T}"/> values.</summary>
internal static class EquatableArrayExtensions
{
    /// <summary>Copies <paramref name="items"/> into an array compared by value.</summary>
    public static EquatableArray<T> ToEquatableArray<T>(this IEnumerable<T> items)
        where T : System.IEquatable<T>
        => new(new List<T>(items).ToArray());
}
