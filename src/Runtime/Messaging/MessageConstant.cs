using System.ComponentModel;
using System.Globalization;
using CpWebSocket.Messaging.Layout;

namespace CpWebSocket.Messaging;

/// <summary>A member written with the same value into every sent message (see <see cref="EnvelopeConstantAttribute"/>).</summary>
/// <example>
/// <code language="csharp">
/// new MessageConstant("jsonrpc", "2.0");
/// </code>
/// </example>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MessageConstant
{
    /// <summary>A string member.</summary>
    /// <param name="property">The dotted path of the member from the root of the message.</param>
    /// <param name="value">The value.</param>
    public MessageConstant(string property, string value)
        : this(property, (object)value)
    {
        ArgumentNullException.ThrowIfNull(value);
    }

    /// <summary>An integer member.</summary>
    /// <param name="property">The dotted path of the member from the root of the message.</param>
    /// <param name="value">The value.</param>
    public MessageConstant(string property, long value)
        : this(property, (object)value)
    {
    }

    /// <summary>A boolean member.</summary>
    /// <param name="property">The dotted path of the member from the root of the message.</param>
    /// <param name="value">The value.</param>
    public MessageConstant(string property, bool value)
        : this(property, (object)value)
    {
    }

    private MessageConstant(string property, object value)
    {
        JsonPath.Validate(property, nameof(property));
        Property = property;
        Value = value;
    }

    /// <summary>The dotted path of the member.</summary>
    public string Property { get; }

    /// <summary>The value: a <see cref="string"/>, a <see cref="long"/> or a <see cref="bool"/>.</summary>
    public object Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value switch
    {
        string text => $"'{Property}': \"{text}\"",
        bool flag => $"'{Property}': {(flag ? "true" : "false")}",
        _ => $"'{Property}': {Convert.ToString(Value, CultureInfo.InvariantCulture)}",
    };
}
