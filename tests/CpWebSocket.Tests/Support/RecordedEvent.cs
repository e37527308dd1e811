namespace CpWebSocket.Tests.Support;

/// <summary>One event as a callback saw it, with the message bytes copied out of the pooled buffer.</summary>
public sealed record RecordedEvent(
    WebSocketEvent Event,
    WebSocketMessageKind? Kind,
    byte[]? Data,
    WebSocketErrorInfo? Error,
    WebSocketCloseInfo? Close,
    WebSocketStatus StatusDuringCallback)
{
    /// <summary>The message decoded as UTF-8.</summary>
    public string? Text => Data is null ? null : System.Text.Encoding.UTF8.GetString(Data);

    /// <inheritdoc />
    public override string ToString() => Event switch
    {
        WebSocketEvent.Message => $"Message({Kind}, {Text})",
        WebSocketEvent.Error => $"Error({Error!.Kind})",
        WebSocketEvent.Closed => $"Closed({Close!.Value.Status})",
        _ => Event.ToString(),
    };
}
