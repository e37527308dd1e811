namespace CpWebSocket.Messaging;

/// <summary>
/// What <see cref="InboundRouter.Route"/> made of one received text message. Kept small (what is rare, the values of an
/// unhandled message and an error, shares one reference), because the router returns it from many places and the
/// runtime clears every such copy on each call.
/// </summary>
internal readonly struct InboundOutcome
{
    private readonly object? _detail;

    private InboundOutcome(InboundOutcomeKind kind, InboundContract? contract, ValueTask handling, object? detail)
    {
        Kind = kind;
        Contract = contract;
        Handling = handling;
        _detail = detail;
    }

    public InboundOutcomeKind Kind { get; }

    /// <summary>The contract that matched, when <see cref="InboundOutcomeKind.Handled"/>.</summary>
    public InboundContract? Contract { get; }

    /// <summary>The handler's task, when <see cref="InboundOutcomeKind.Handled"/>; must be awaited once.</summary>
    public ValueTask Handling { get; }

    /// <summary>What the message carried, when <see cref="InboundOutcomeKind.Unhandled"/>.</summary>
    public UnhandledInfo UnhandledInfo => _detail as UnhandledInfo ?? UnhandledInfo.None;

    /// <summary>What was wrong, when <see cref="InboundOutcomeKind.Failed"/>.</summary>
    public WebSocketErrorInfo? Error => _detail as WebSocketErrorInfo;

    public static InboundOutcome Response => new(InboundOutcomeKind.Response, null, default, null);

    public static InboundOutcome Handled(InboundContract contract, ValueTask handling) =>
        new(InboundOutcomeKind.Handled, contract, handling, null);

    public static InboundOutcome Unhandled(MessageDiscriminator? discriminator, MessageDiscriminator? second = null, long? requestId = null) =>
        new(InboundOutcomeKind.Unhandled, null, default, new UnhandledInfo(discriminator, second, requestId));

    public static InboundOutcome Failed(WebSocketErrorInfo error) =>
        new(InboundOutcomeKind.Failed, null, default, error);
}

/// <summary>The values an unhandled message carried: its discriminator, its second-level value, its request id.</summary>
internal sealed record UnhandledInfo(MessageDiscriminator? Discriminator, MessageDiscriminator? Second, long? RequestId)
{
    /// <summary>No values.</summary>
    public static UnhandledInfo None { get; } = new(null, null, null);
}
