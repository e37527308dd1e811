namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>
/// The xunit collection <c>"memory"</c>: its tests run alone, after the parallel ones, so that what they measure of
/// the process's memory is theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryCollectionDefinition
{
    /// <summary>The collection name.</summary>
    public const string Name = "memory";
}
