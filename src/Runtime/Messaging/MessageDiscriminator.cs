using System.Globalization;

namespace CpWebSocket.Messaging;

/// <summary>The value that identifies a message's contract on the wire: a string or an integer.</summary>
/// <example>
/// <code language="csharp">
/// MessageDiscriminator say = "chat.say";
/// MessageDiscriminator tick = 5;
/// </code>
/// </example>
public readonly struct MessageDiscriminator : IEquatable<MessageDiscriminator>
{
    private readonly string? _string;
    private readonly long _integer;

    /// <summary>Creates a string discriminator.</summary>
    /// <param name="value">The discriminator value.</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public MessageDiscriminator(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _string = value;
        _integer = 0;
    }

    /// <summary>Creates an integer discriminator.</summary>
    /// <param name="value">The discriminator value.</param>
    public MessageDiscriminator(long value)
    {
        _string = null;
        _integer = value;
    }

    /// <summary>Whether the value is a string (otherwise it is an integer).</summary>
    public bool IsString => _string is not null;

    /// <summary>The string value, or <see langword="null"/> for an integer discriminator.</summary>
    public string? StringValue => _string;

    /// <summary>The integer value, or 0 for a string discriminator.</summary>
    public long IntegerValue => _integer;

    /// <summary>Converts a string to a discriminator.</summary>
    /// <param name="value">The discriminator value.</param>
    public static implicit operator MessageDiscriminator(string value) => new(value);

    /// <summary>Converts an integer to a discriminator.</summary>
    /// <param name="value">The discriminator value.</param>
    public static implicit operator MessageDiscriminator(long value) => new(value);

    /// <summary>Whether two discriminators are equal: same kind and same value (strings compared ordinally).</summary>
    /// <param name="left">A discriminator.</param>
    /// <param name="right">Another discriminator.</param>
    public static bool operator ==(MessageDiscriminator left, MessageDiscriminator right) => left.Equals(right);

    /// <summary>Whether two discriminators differ.</summary>
    /// <param name="left">A discriminator.</param>
    /// <param name="right">Another discriminator.</param>
    public static bool operator !=(MessageDiscriminator left, MessageDiscriminator right) => !left.Equals(right);

    /// <summary>Creates a string discriminator (the named form of the implicit conversion).</summary>
    /// <param name="value">The discriminator value.</param>
    /// <returns>The discriminator.</returns>
    public static MessageDiscriminator FromString(string value) => new(value);

    /// <summary>Creates an integer discriminator (the named form of the implicit conversion).</summary>
    /// <param name="value">The discriminator value.</param>
    /// <returns>The discriminator.</returns>
    public static MessageDiscriminator FromInt64(long value) => new(value);

    /// <inheritdoc />
    public bool Equals(MessageDiscriminator other) =>
        _string is not null
            ? string.Equals(_string, other._string, StringComparison.Ordinal)
            : other._string is null && _integer == other._integer;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MessageDiscriminator other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() =>
        _string is not null ? StringComparer.Ordinal.GetHashCode(_string) : _integer.GetHashCode();

    /// <summary>The value as it reads: <c>chat.say</c> or <c>5</c>.</summary>
    /// <returns>The value as text.</returns>
    public override string ToString() => _string ?? _integer.ToString(CultureInfo.InvariantCulture);

    /// <summary>The value as it stands in JSON, for messages: <c>"chat.say"</c> or <c>5</c>.</summary>
    internal string ToDisplayString() => _string is not null ? $"\"{_string}\"" : ToString();
}
