namespace CpWebSocket;

/// <summary>
/// One event waiting for its turn in the <see cref="EventDispatcher"/>: a lifecycle event, an error, a received message
/// (its bytes copied into a pooled buffer that the dispatcher gives back once it was delivered), or work that must happen
/// after the events queued before it.
/// </summary>
internal readonly struct PendingEvent
{
    private PendingEvent(WebSocketEvent @event, object? payload, byte[]? buffer = null, int length = 0, WebSocketMessageKind kind = default, bool consumed = false, WebSocketStatus arrivalStatus = WebSocketStatus.Closed)
    {
        Event = @event;
        Payload = payload;
        Buffer = buffer;
        Length = length;
        MessageKind = kind;
        Consumed = consumed;
        ArrivalStatus = arrivalStatus;
    }

    public WebSocketEvent Event { get; }

    /// <summary>The cycle a message arrived on (or that opened), the error, the boxed close details, or the continuation.</summary>
    public object? Payload { get; }

    /// <summary>A message's bytes, in a pooled buffer owned by this event.</summary>
    public byte[]? Buffer { get; }

    public int Length { get; }

    public WebSocketMessageKind MessageKind { get; }

    /// <summary>Whether the listener took the message for the typed layer: it is raised on the raw lane only.</summary>
    public bool Consumed { get; }

    /// <summary>The status when a message arrived: whether it is delivered is decided by it.</summary>
    public WebSocketStatus ArrivalStatus { get; }

    public bool IsMessage => Event == WebSocketEvent.Message && Payload is ConnectionCycle;

    public static PendingEvent Lifecycle(WebSocketEvent @event) => new(@event, null);

    /// <summary>The <c>Opened</c> event of <paramref name="cycle"/>: its <c>OnOpened</c> hooks run when it is delivered.</summary>
    public static PendingEvent ForOpened(ConnectionCycle cycle) => new(WebSocketEvent.Opened, cycle);

    public static PendingEvent ForError(WebSocketErrorInfo error) => new(WebSocketEvent.Error, error);

    public static PendingEvent ForClosed(WebSocketCloseInfo close) => new(WebSocketEvent.Closed, close);

    public static PendingEvent ForMessage(ConnectionCycle cycle, WebSocketMessageKind kind, byte[] buffer, int length, bool consumed, WebSocketStatus arrivalStatus) =>
        new(WebSocketEvent.Message, cycle, buffer, length, kind, consumed, arrivalStatus);

    /// <summary>
    /// Not an event: work that must happen after the events queued before it were delivered, such as completing the task
    /// of <c>OpenAsync</c> only once the <c>Opened</c> handlers ran.
    /// </summary>
    public static PendingEvent After(Action continuation) => new(default, continuation);
}
