namespace CpWebSocket.Tests.Reliability.Faults;

/// <summary>
/// The xunit collection <c>"isolated"</c>: its tests run alone, after every parallel collection, so process-wide
/// counters (active timers, unobserved task exceptions) reflect only what they do.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IsolatedCollectionDefinition
{
    /// <summary>The collection name.</summary>
    public const string Name = "isolated";
}
