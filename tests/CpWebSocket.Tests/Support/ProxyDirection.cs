namespace CpWebSocket.Tests.Support;

/// <summary>Which way traffic flows through a <see cref="LoopbackProxy"/>.</summary>
[Flags]
public enum ProxyDirection
{
    /// <summary>Neither direction.</summary>
    None = 0,

    /// <summary>From the client to the server.</summary>
    ToServer = 1,

    /// <summary>From the server to the client.</summary>
    ToClient = 2,

    /// <summary>Both directions.</summary>
    Both = ToServer | ToClient,
}
