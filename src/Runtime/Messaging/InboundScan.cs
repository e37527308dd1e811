using System.Text.Json;

namespace CpWebSocket.Messaging;

/// <summary>The result of one pass over a received message's top-level object.</summary>
internal struct InboundScan
{
    public InboundScanStatus Status;

    /// <summary>The top-level token (<see cref="InboundScanStatus.NotAnObject"/>) or the discriminator's token.</summary>
    public JsonTokenType Token;

    /// <summary>The matched contract when <see cref="InboundScanStatus.Found"/>; <see langword="null"/> when none matched.</summary>
    public InboundContract? Contract;

    /// <summary>The discriminator found, set only when no contract matched (it costs a string).</summary>
    public MessageDiscriminator Unmatched;

    /// <summary>Where the payload property's value starts, or -1 when there is none.</summary>
    public int PayloadStart;

    /// <summary>The length of the payload property's value in bytes.</summary>
    public int PayloadLength;

    /// <summary>
    /// The scan returned at the matching discriminator without reading the rest of the message, so the rest is not
    /// known to be valid JSON yet.
    /// </summary>
    public bool StoppedAtMatch;
}
