namespace CpWebSocket;

/// <summary>The frame type a message travelled in.</summary>
public enum WebSocketMessageKind
{
    /// <summary>A text frame: UTF-8.</summary>
    Text,

    /// <summary>A binary frame: any bytes.</summary>
    Binary,
}
