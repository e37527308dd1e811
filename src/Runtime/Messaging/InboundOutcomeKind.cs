namespace CpWebSocket.Messaging;

/// <summary>What became of one received text message.</summary>
internal enum InboundOutcomeKind
{
    /// <summary>A contract matched, the message deserialized, and its handler was started.</summary>
    Handled,

    /// <summary>A well-formed JSON object that no contract matches: <see cref="MessageClient.Unhandled"/>.</summary>
    Unhandled,

    /// <summary>The message could not be routed or deserialized; the error says why.</summary>
    Failed,

    /// <summary>The message answered a waiting request, which it completed.</summary>
    Response,
}
