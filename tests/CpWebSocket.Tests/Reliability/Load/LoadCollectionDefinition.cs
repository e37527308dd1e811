namespace CpWebSocket.Tests.Reliability.Load;

/// <summary>
/// The xunit collection <c>"load"</c>: the load tests run alone, after the other collections, so they neither slow
/// the tests that run in parallel nor are slowed by them on a small machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollectionDefinition
{
    /// <summary>The collection name.</summary>
    public const string Name = "load";
}
