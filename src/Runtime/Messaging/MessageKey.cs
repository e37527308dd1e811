using System.ComponentModel;

namespace CpWebSocket.Messaging;

/// <summary>
/// What identifies a contract on the wire: its discriminator, and for a first-level value that is routed further
/// (<see cref="MessageRoute"/>) its second-level value. A received second-level string ending in <c>*</c> is a prefix
/// pattern.
/// </summary>
/// <example>
/// <code language="csharp">
/// MessageKey say = "chat.say";                                           // one level
/// MessageKey changed = new(5, "CurrentProgramSceneChanged");            // two levels
/// MessageKey ticker = new("subscription", "ticker.*");                  // a prefix pattern, for received messages
/// </code>
/// </example>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly struct MessageKey : IEquatable<MessageKey>
{
    private readonly MessageDiscriminator _second;
    private readonly bool _hasSecond;

    /// <summary>A one-level key.</summary>
    /// <param name="discriminator">The discriminator value.</param>
    public MessageKey(MessageDiscriminator discriminator)
    {
        Discriminator = discriminator;
        _second = default;
        _hasSecond = false;
    }

    /// <summary>A two-level key.</summary>
    /// <param name="discriminator">The first-level value.</param>
    /// <param name="second">The second-level value.</param>
    public MessageKey(MessageDiscriminator discriminator, MessageDiscriminator second)
    {
        Discriminator = discriminator;
        _second = second;
        _hasSecond = true;
    }

    /// <summary>The first-level value.</summary>
    public MessageDiscriminator Discriminator { get; }

    /// <summary>The second-level value, or <see langword="null"/> for a one-level key.</summary>
    public MessageDiscriminator? Second => _hasSecond ? _second : default(MessageDiscriminator?);

    /// <summary>Whether the second level is a prefix pattern: a string ending in <c>*</c>.</summary>
    public bool IsPattern => _hasSecond && _second.StringValue is { Length: > 0 } text && text[^1] == '*';

    /// <summary>Converts a string discriminator to a one-level key.</summary>
    /// <param name="discriminator">The discriminator value.</param>
    public static implicit operator MessageKey(string discriminator) => new(discriminator);

    /// <summary>Converts an integer discriminator to a one-level key.</summary>
    /// <param name="discriminator">The discriminator value.</param>
    public static implicit operator MessageKey(long discriminator) => new(discriminator);

    /// <summary>Converts a discriminator to a one-level key.</summary>
    /// <param name="discriminator">The discriminator value.</param>
    public static implicit operator MessageKey(MessageDiscriminator discriminator) => new(discriminator);

    /// <summary>Whether two keys are equal: same values at both levels.</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another key.</param>
    public static bool operator ==(MessageKey left, MessageKey right) => left.Equals(right);

    /// <summary>Whether two keys differ.</summary>
    /// <param name="left">A key.</param>
    /// <param name="right">Another key.</param>
    public static bool operator !=(MessageKey left, MessageKey right) => !left.Equals(right);

    /// <summary>Creates a one-level key (the named form of the implicit conversions).</summary>
    /// <param name="discriminator">The discriminator value.</param>
    /// <returns>The key.</returns>
    public static MessageKey FromDiscriminator(MessageDiscriminator discriminator) => new(discriminator);

    /// <inheritdoc />
    public bool Equals(MessageKey other) =>
        Discriminator == other.Discriminator && _hasSecond == other._hasSecond && (!_hasSecond || _second == other._second);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MessageKey other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _hasSecond ? HashCode.Combine(Discriminator, _second) : Discriminator.GetHashCode();

    /// <summary>The key as it reads: <c>chat.say</c> or <c>5/CurrentProgramSceneChanged</c>.</summary>
    /// <returns>The key as text.</returns>
    public override string ToString() => _hasSecond ? $"{Discriminator}/{_second}" : Discriminator.ToString();

    /// <summary>The key as it stands in JSON, for messages: <c>"chat.say"</c> or <c>5/"CurrentProgramSceneChanged"</c>.</summary>
    internal string ToDisplayString() =>
        _hasSecond ? $"{Discriminator.ToDisplayString()}/{_second.ToDisplayString()}" : Discriminator.ToDisplayString();
}
