namespace CpWebSocket;

/// <summary>How request ids are written (<see cref="WebSocketClientAttribute.RequestIdKind"/>).</summary>
/// <remarks>
/// Ids count up from 1 for each client and are never reused, so a response that arrives after its request gave up
/// cannot complete a later request. Received ids are matched in either form: <c>7</c> and <c>"7"</c> are the same id.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Named after the JSON value kinds the ids are written as.")]
public enum RequestIdKind
{
    /// <summary>A JSON number: <c>"id":7</c>.</summary>
    Integer,

    /// <summary>A JSON string: <c>"id":"7"</c>.</summary>
    String,
}
