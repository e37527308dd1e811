namespace CpWebSocket.Messaging;

/// <summary>The errors of typed message streams.</summary>
internal static class MessageStreamErrors
{
    public static WebSocketErrorInfo StreamDropped(Type messageType, int capacity) => new(
        WebSocketErrorKind.MessageDropped,
        $"A stream of {messageType} messages was full ({capacity} waiting for its reader), so its oldest message was dropped. Read faster, raise MessageStreamOptions.Capacity, or use MessageStreamFullMode.Wait.");
}
