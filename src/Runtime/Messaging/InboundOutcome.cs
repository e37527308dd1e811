namespace CpWebSocket.Messaging;

/// <summary>What <see cref="InboundRouter.Route"/> made of one received text message.</summary>
internal readonly struct InboundOutcome
{
    private InboundOutcome(InboundOutcomeKind kind, InboundContract? contract, ValueTask handling, UnhandledInfo unhandled, WebSocketErrorInfo? error)
    {
        Kind = kind;
        Contract = contract;
        Handling = handling;
        UnhandledInfo = unhandled;
        Error = error;
    }

    public InboundOutcomeKind Kind { get; }

    /// <summary>The contract that matched, when <see cref="InboundOutcomeKind.Handled"/>.</summary>
    public InboundContract? Contract { get; }

    /// <summary>The handler's task, when <see cref="InboundOutcomeKind.Handled"/>; must be awaited once.</summary>
    public ValueTask Handling { get; }

    /// <summary>What the message carried, when <see cref="InboundOutcomeKind.Unhandled"/>.</summary>
    public UnhandledInfo UnhandledInfo { get; }

    /// <summary>What was wrong, when <see cref="InboundOutcomeKind.Failed"/>.</summary>
    public WebSocketErrorInfo? Error { get; }

    public static InboundOutcome Response => new(InboundOutcomeKind.Response, null, default, default, null);

    public static InboundOutcome Handled(InboundContract contract, ValueTask handling) =>
        new(InboundOutcomeKind.Handled, contract, handling, default, null);

    public static InboundOutcome Unhandled(MessageDiscriminator? discriminator, MessageDiscriminator? second = null, long? requestId = null) =>
        new(InboundOutcomeKind.Unhandled, null, default, new UnhandledInfo(discriminator, second, requestId), null);

    public static InboundOutcome Failed(WebSocketErrorInfo error) =>
        new(InboundOutcomeKind.Failed, null, default, default, error);
}

/// <summary>The values an unhandled message carried.</summary>
internal readonly record struct UnhandledInfo(MessageDiscriminator? Discriminator, MessageDiscriminator? Second, long? RequestId);
