namespace CpWebSocket.Messaging;

/// <summary>What <see cref="InboundRouter.Route"/> made of one received text message.</summary>
internal readonly struct InboundOutcome
{
    private InboundOutcome(InboundOutcomeKind kind, InboundContract? contract, ValueTask handling, MessageDiscriminator discriminator, WebSocketErrorInfo? error)
    {
        Kind = kind;
        Contract = contract;
        Handling = handling;
        Discriminator = discriminator;
        Error = error;
    }

    public InboundOutcomeKind Kind { get; }

    /// <summary>The contract that matched, when <see cref="InboundOutcomeKind.Handled"/>.</summary>
    public InboundContract? Contract { get; }

    /// <summary>The handler's task, when <see cref="InboundOutcomeKind.Handled"/>; must be awaited once.</summary>
    public ValueTask Handling { get; }

    /// <summary>The discriminator found, when <see cref="InboundOutcomeKind.Unhandled"/>.</summary>
    public MessageDiscriminator Discriminator { get; }

    /// <summary>What was wrong, when <see cref="InboundOutcomeKind.Failed"/>.</summary>
    public WebSocketErrorInfo? Error { get; }

    public static InboundOutcome Handled(InboundContract contract, ValueTask handling) =>
        new(InboundOutcomeKind.Handled, contract, handling, contract.Discriminator, null);

    public static InboundOutcome Unhandled(MessageDiscriminator discriminator) =>
        new(InboundOutcomeKind.Unhandled, null, default, discriminator, null);

    public static InboundOutcome Failed(WebSocketErrorInfo error) =>
        new(InboundOutcomeKind.Failed, null, default, default, error);
}
