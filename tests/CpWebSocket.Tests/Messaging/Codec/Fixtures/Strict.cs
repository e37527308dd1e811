namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>A message whose constructor rejects some values.</summary>
public sealed record Strict
{
    public Strict(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        Count = count;
    }

    public int Count { get; }
}
