namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>A value-type message with only numeric fields.</summary>
public record struct Tick
{
    public long Seq { get; set; }

    public double Price { get; set; }
}
