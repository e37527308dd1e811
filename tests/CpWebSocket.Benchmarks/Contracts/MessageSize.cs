namespace CpWebSocket.Benchmarks.Contracts;

/// <summary>Which message a benchmark sends.</summary>
public enum MessageSize
{
    /// <summary>A <see cref="Trade"/>, about 110 bytes.</summary>
    Small,

    /// <summary>A <see cref="BookSnapshot"/>, 64 KiB.</summary>
    Large,
}
