namespace CpWebSocket.Transport.Sockets;

/// <summary>What a frame this side writes is, as far as the <see cref="WireStream"/> cares.</summary>
internal enum OutboundFrameKind
{
    /// <summary>A text, binary or continuation frame: counted, so a frame accepted but never written can be reported.</summary>
    Data,

    /// <summary>A ping or a pong.</summary>
    Control,

    /// <summary>A close frame: nothing may follow it, and its write completes only once it is on the network.</summary>
    Close,
}
