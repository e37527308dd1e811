namespace CpWebSocket;

/// <summary>Settings of a typed message stream (the generated <c>ReadAll…Async</c> methods).</summary>
public sealed class MessageStreamOptions
{
    /// <summary>The default for <see cref="Capacity"/>: 256 messages.</summary>
    public const int DefaultCapacity = 256;

    /// <summary>How many received messages wait for the consumer at most. Default <see cref="DefaultCapacity"/>.</summary>
    public int Capacity { get; set; } = DefaultCapacity;

    /// <summary>What happens when <see cref="Capacity"/> messages wait. Default <see cref="MessageStreamFullMode.Wait"/>.</summary>
    public MessageStreamFullMode FullMode { get; set; }

    internal static MessageStreamOptions Default { get; } = new();

    internal void Validate()
    {
        if (Capacity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Capacity), Capacity, "A message stream's Capacity must be at least 1.");
        }

        if (FullMode is not (MessageStreamFullMode.Wait or MessageStreamFullMode.DropOldest))
        {
            throw new ArgumentOutOfRangeException(nameof(FullMode), FullMode, "FullMode must be Wait or DropOldest.");
        }
    }
}
