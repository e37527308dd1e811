using System.Text;

namespace CpWebSocket.Messaging;

/// <summary>
/// A well-formed JSON message whose discriminator matches none of the client's received contracts,
/// raised by <see cref="MessageClient.Unhandled"/>.
/// </summary>
/// <remarks>
/// <see cref="Data"/> points into the connection's receive buffer, which is reused once the handler returns.
/// Copy it (<c>Data.ToArray()</c>) or decode it (<see cref="GetText"/>) to keep it longer.
/// </remarks>
public readonly struct UnhandledMessage
{
    /// <summary>Creates an unhandled-message view.</summary>
    /// <param name="discriminator">The discriminator the message carried.</param>
    /// <param name="data">The message's UTF-8 bytes.</param>
    public UnhandledMessage(MessageDiscriminator discriminator, ReadOnlyMemory<byte> data)
    {
        Discriminator = discriminator;
        Data = data;
    }

    /// <summary>The discriminator the message carried.</summary>
    public MessageDiscriminator Discriminator { get; }

    /// <summary>The message's UTF-8 bytes, exactly as received. Valid only during the handler.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Decodes the message.</summary>
    /// <returns>The message's JSON text.</returns>
    public string GetText() => Encoding.UTF8.GetString(Data.Span);

    /// <inheritdoc />
    public override string ToString() => $"Unhandled {Discriminator.ToDisplayString()} message, {Data.Length} bytes";
}
