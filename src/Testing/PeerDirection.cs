namespace CpWebSocket.Testing;

/// <summary>Which way a <see cref="PeerFrame"/> went.</summary>
public enum PeerDirection
{
    /// <summary>The client sent it to the server.</summary>
    FromClient,

    /// <summary>The server (the test) sent it to the client.</summary>
    ToClient,
}
