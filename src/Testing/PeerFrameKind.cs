namespace CpWebSocket.Testing;

/// <summary>What a <see cref="PeerFrame"/> is.</summary>
public enum PeerFrameKind
{
    /// <summary>A text message (or, sent in parts, a text frame).</summary>
    Text,

    /// <summary>A binary message (or, sent in parts, a binary frame).</summary>
    Binary,

    /// <summary>A close frame, with its status and description.</summary>
    Close,

    /// <summary>Bytes written to the connection outside the websocket's framing.</summary>
    Raw,
}
