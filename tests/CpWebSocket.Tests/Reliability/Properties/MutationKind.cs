namespace CpWebSocket.Tests.Reliability.Properties;

/// <summary>How a <see cref="Mutation"/> changes a message.</summary>
public enum MutationKind
{
    /// <summary>Removes a run of bytes.</summary>
    Delete,

    /// <summary>Inserts a token.</summary>
    Insert,

    /// <summary>Replaces a run of bytes with a token.</summary>
    Replace,

    /// <summary>Repeats a run of bytes right after itself.</summary>
    Duplicate,

    /// <summary>Cuts the message short.</summary>
    Truncate,

    /// <summary>Flips one bit of one byte.</summary>
    FlipBit,
}
