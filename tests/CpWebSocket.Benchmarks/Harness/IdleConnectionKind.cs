namespace CpWebSocket.Benchmarks.Harness;

/// <summary>What the idle-memory harness holds open.</summary>
public enum IdleConnectionKind
{
    /// <summary>A bare <see cref="System.Net.WebSockets.ClientWebSocket"/> with one receive pending into a 4 KiB buffer.</summary>
    ClientWebSocket,

    /// <summary>An <see cref="CpWebSocket.HttpWebSocket"/>.</summary>
    HttpWebSocket,

    /// <summary>A generated typed client (<see cref="Contracts.EchoClient"/>).</summary>
    TypedClient,
}
