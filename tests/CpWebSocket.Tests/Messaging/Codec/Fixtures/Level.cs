namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>A record with only numeric fields and settable properties: the serializer builds it with no other allocation.</summary>
public sealed record Level
{
    public long Seq { get; set; }

    public double Price { get; set; }
}
