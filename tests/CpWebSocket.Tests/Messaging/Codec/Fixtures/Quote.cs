namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>A message with only numeric fields and init-only properties (generated metadata builds it through a constructor path).</summary>
public sealed record Quote
{
    public long Seq { get; init; }

    public double Bid { get; init; }

    public double Ask { get; init; }
}
