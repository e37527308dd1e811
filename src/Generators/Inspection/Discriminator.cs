using System;
using System.Globalization;
using CpWebSocket.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace CpWebSocket.Generators.Inspection;

/// <summary>A <c>[Message]</c> value: a non-empty string or an integer.</summary>
internal readonly struct Discriminator : IEquatable<Discriminator>
{
    private Discriminator(DiscriminatorKind kind, string? stringValue, long integerValue)
    {
        Kind = kind;
        StringValue = stringValue;
        IntegerValue = integerValue;
    }

    /// <summary>Whether the value is a string or an integer.</summary>
    public DiscriminatorKind Kind { get; }

    /// <summary>The string value, when <see cref="Kind"/> is <see cref="DiscriminatorKind.String"/>.</summary>
    public string? StringValue { get; }

    /// <summary>The integer value, when <see cref="Kind"/> is <see cref="DiscriminatorKind.Integer"/>.</summary>
    public long IntegerValue { get; }

    /// <summary>The value as the model stores it: the string itself, or invariant decimal digits.</summary>
    public string ModelValue => Kind == DiscriminatorKind.String
        ? StringValue!
        : IntegerValue.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a <c>[Message]</c> constructor argument; <see langword="false"/> for a null or empty string
    /// and for anything that is not a string or an integer.
    /// </summary>
    public static bool TryCreate(object? value, out Discriminator discriminator)
    {
        switch (value)
        {
            case string text when text.Length > 0:
                discriminator = new Discriminator(DiscriminatorKind.String, text, 0);
                return true;
            case long number:
                discriminator = new Discriminator(DiscriminatorKind.Integer, null, number);
                return true;
            case int or short or sbyte or byte or ushort or uint or char:
                discriminator = new Discriminator(DiscriminatorKind.Integer, null, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                return true;
            default:
                discriminator = default;
                return false;
        }
    }

    /// <inheritdoc/>
    public bool Equals(Discriminator other)
        => Kind == other.Kind
            && string.Equals(StringValue, other.StringValue, StringComparison.Ordinal)
            && IntegerValue == other.IntegerValue;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Discriminator other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
        => Kind == DiscriminatorKind.String
            ? StringComparer.Ordinal.GetHashCode(StringValue!)
            : IntegerValue.GetHashCode();

    /// <summary>The value as C# source: a quoted, escaped string or a number, for messages.</summary>
    public override string ToString() => Kind == DiscriminatorKind.String
        ? SymbolDisplay.FormatLiteral(StringValue!, quote: true)
        : IntegerValue.ToString(CultureInfo.InvariantCulture);

    /// <summary>Compares two values.</summary>
    public static bool operator ==(Discriminator left, Discriminator right) => left.Equals(right);

    /// <summary>Compares two values.</summary>
    public static bool operator !=(Discriminator left, Discriminator right) => !left.Equals(right);
}
