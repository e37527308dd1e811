namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>What a typed client makes of one inbound frame.</summary>
public enum OutcomeKind
{
    /// <summary>The typed event was raised with the message.</summary>
    Delivered,

    /// <summary>The <c>Error</c> event was raised.</summary>
    Error,

    /// <summary>The <c>Unhandled</c> event was raised.</summary>
    Unhandled,

    /// <summary>A binary frame: <c>MessageReceived</c> only, nothing typed.</summary>
    RawOnly,
}
