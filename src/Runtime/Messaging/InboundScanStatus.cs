namespace CpWebSocket.Messaging;

/// <summary>What the envelope scan of a received message found.</summary>
internal enum InboundScanStatus
{
    /// <summary>An object with a usable discriminator (its contract may still be unknown).</summary>
    Found,

    /// <summary>Valid JSON, but not an object.</summary>
    NotAnObject,

    /// <summary>An object without the discriminator property.</summary>
    MissingDiscriminator,

    /// <summary>The discriminator is neither a string nor a number.</summary>
    DiscriminatorOfWrongType,

    /// <summary>The discriminator is a number that is not a 64-bit integer.</summary>
    DiscriminatorNotAnInteger,

    /// <summary>The discriminator is a string where the contracts use integers, or the reverse.</summary>
    DiscriminatorOfWrongKind,
}
