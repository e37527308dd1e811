using System.ComponentModel;
using System.Text.Json;

namespace CpWebSocket.Messaging;

/// <summary>Where and how an envelope carries request ids (see <see cref="WebSocketClientAttribute.RequestIdProperty"/>).</summary>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RequestIdSettings
{
    /// <summary>Describes request ids.</summary>
    /// <param name="property">The JSON property that carries the id; matched exactly (case-sensitive).</param>
    /// <param name="location">Next to the discriminator, or inside the payload of a wrapped envelope.</param>
    /// <param name="kind">Written as a JSON number or a JSON string.</param>
    /// <exception cref="ArgumentException"><paramref name="property"/> is empty.</exception>
    public RequestIdSettings(string property, RequestIdLocation location = RequestIdLocation.Envelope, RequestIdKind kind = RequestIdKind.Integer)
    {
        ArgumentException.ThrowIfNullOrEmpty(property);
        Property = property;
        Location = location;
        Kind = kind;
        PropertyUtf8 = JsonEncodedText.Encode(property).EncodedUtf8Bytes.ToArray();
        RawPropertyUtf8 = System.Text.Encoding.UTF8.GetBytes(property);
    }

    /// <summary>The JSON property that carries the id.</summary>
    public string Property { get; }

    /// <summary>Where the id stands.</summary>
    public RequestIdLocation Location { get; }

    /// <summary>How the id is written.</summary>
    public RequestIdKind Kind { get; }

    /// <summary>The property name as written, escaped.</summary>
    internal byte[] PropertyUtf8 { get; }

    /// <summary>The property name unescaped, to match received property names.</summary>
    internal byte[] RawPropertyUtf8 { get; }

    /// <inheritdoc />
    public override string ToString() => $"'{Property}' ({Kind}, {Location})";
}
