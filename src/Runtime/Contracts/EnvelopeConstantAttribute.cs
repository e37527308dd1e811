namespace CpWebSocket;

/// <summary>
/// A member written, with the same value, into every message the client sends, such as JSON-RPC's
/// <c>"jsonrpc":"2.0"</c>. Received messages may carry it or not. Repeat the attribute for several members.
/// </summary>
/// <example>
/// <code language="csharp">
/// // {"jsonrpc":"2.0","method":"public/get_time","id":1,"params":{}}
/// [WebSocketClient(DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id")]
/// [EnvelopeConstant("jsonrpc", "2.0")]
/// public sealed partial class DeribitClient;
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class EnvelopeConstantAttribute : Attribute
{
    /// <summary>Writes <c>"<paramref name="property"/>":"<paramref name="value"/>"</c> into every sent message.</summary>
    /// <param name="property">The JSON property, at the root of the message.</param>
    /// <param name="value">Its string value.</param>
    public EnvelopeConstantAttribute(string property, string value)
    {
        Property = property;
        Value = value;
    }

    /// <summary>Writes <c>"<paramref name="property"/>":<paramref name="value"/></c> into every sent message.</summary>
    /// <param name="property">The JSON property, at the root of the message.</param>
    /// <param name="value">Its integer value.</param>
    public EnvelopeConstantAttribute(string property, long value)
    {
        Property = property;
        Value = value;
    }

    /// <summary>Writes <c>"<paramref name="property"/>":true</c> or <c>false</c> into every sent message.</summary>
    /// <param name="property">The JSON property, at the root of the message.</param>
    /// <param name="value">Its boolean value.</param>
    public EnvelopeConstantAttribute(string property, bool value)
    {
        Property = property;
        Value = value;
    }

    /// <summary>The JSON property.</summary>
    public string Property { get; }

    /// <summary>The value: a <see cref="string"/>, a <see cref="long"/> or a <see cref="bool"/>.</summary>
    public object Value { get; }
}
