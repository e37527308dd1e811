namespace CpWebSocket.Documentation;

/// <summary>What a message is to the client; one type may be several of these.</summary>
[Flags]
internal enum MessageRoles
{
    /// <summary>None yet.</summary>
    None = 0,

    /// <summary>Sent without waiting for an answer.</summary>
    Sent = 1,

    /// <summary>Sent with a new request id, answered by a response.</summary>
    Request = 2,

    /// <summary>Received and handed to the client's handlers.</summary>
    Received = 4,

    /// <summary>Received as the response to a request, carrying its id.</summary>
    Response = 8,

    /// <summary>Received as the error response to a request, carrying its id.</summary>
    Error = 16,
}
