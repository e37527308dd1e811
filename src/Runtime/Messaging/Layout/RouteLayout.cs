namespace CpWebSocket.Messaging.Layout;

/// <summary>Where one route's second-level value and payload stand, as slots of the layout.</summary>
internal sealed class RouteLayout(MessageRoute route, string[] by, int bySlot, string[]? payload, int payloadSlot)
{
    public MessageRoute Route { get; } = route;

    public string[] By { get; } = by;

    public int BySlot { get; } = bySlot;

    /// <summary>The path of the payload, or <see langword="null"/> for the whole message.</summary>
    public string[]? Payload { get; } = payload;

    /// <summary>The payload's slot, or -1 for the whole message.</summary>
    public int PayloadSlot { get; } = payloadSlot;
}
