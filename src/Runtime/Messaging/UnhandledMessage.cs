using System.Text;

namespace CpWebSocket.Messaging;

/// <summary>
/// A well-formed JSON message that none of the client's received contracts matches, raised by
/// <see cref="MessageClient.Unhandled"/>: its discriminator names no contract; or its first level is routed and its
/// second level (<see cref="SecondDiscriminator"/>) names none; or it has no discriminator but carries a request id no
/// request waits for (<see cref="RequestId"/>), as a response that came after its request gave up.
/// </summary>
/// <remarks>
/// <see cref="Data"/> points into the connection's receive buffer, which is reused once the handler returns.
/// Copy it (<c>Data.ToArray()</c>) or decode it (<see cref="GetText"/>) to keep it longer.
/// </remarks>
public readonly struct UnhandledMessage
{
    /// <summary>Creates an unhandled-message view of a message with a discriminator.</summary>
    /// <param name="discriminator">The discriminator the message carried.</param>
    /// <param name="data">The message's UTF-8 bytes.</param>
    public UnhandledMessage(MessageDiscriminator discriminator, ReadOnlyMemory<byte> data)
        : this(discriminator, null, null, data)
    {
    }

    /// <summary>Creates an unhandled-message view.</summary>
    /// <param name="discriminator">The discriminator the message carried, or <see langword="null"/> when it has none.</param>
    /// <param name="secondDiscriminator">The second-level value of a routed first level, or <see langword="null"/>.</param>
    /// <param name="requestId">The request id the message carried, or <see langword="null"/>.</param>
    /// <param name="data">The message's UTF-8 bytes.</param>
    public UnhandledMessage(MessageDiscriminator? discriminator, MessageDiscriminator? secondDiscriminator, long? requestId, ReadOnlyMemory<byte> data)
    {
        HasDiscriminator = discriminator is not null;
        Discriminator = discriminator.GetValueOrDefault();
        SecondDiscriminator = secondDiscriminator;
        RequestId = requestId;
        Data = data;
    }

    /// <summary>Whether the message has a discriminator; false for a response without one that no request waits for.</summary>
    public bool HasDiscriminator { get; }

    /// <summary>The discriminator the message carried (meaningful when <see cref="HasDiscriminator"/>).</summary>
    public MessageDiscriminator Discriminator { get; }

    /// <summary>
    /// The second-level value the message carried when its first level is routed (<see cref="RouteAttribute"/>);
    /// <see langword="null"/> when its first level is not routed, or it has no second-level value.
    /// </summary>
    public MessageDiscriminator? SecondDiscriminator { get; }

    /// <summary>The request id the message carried, when it has no discriminator; <see langword="null"/> otherwise.</summary>
    public long? RequestId { get; }

    /// <summary>The message's UTF-8 bytes, exactly as received. Valid only during the handler.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Decodes the message.</summary>
    /// <returns>The message's JSON text.</returns>
    public string GetText() => Encoding.UTF8.GetString(Data.Span);

    /// <inheritdoc />
    public override string ToString()
    {
        var what = !HasDiscriminator ? $"response to request {RequestId}"
            : SecondDiscriminator is { } second ? $"{Discriminator.ToDisplayString()}/{second.ToDisplayString()} message"
            : $"{Discriminator.ToDisplayString()} message";
        return $"Unhandled {what}, {Data.Length} bytes";
    }
}
