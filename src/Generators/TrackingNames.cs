namespace CpWebSocket.Generators;

/// <summary>Names of the incremental pipeline steps, so tests can check what was cached.</summary>
internal static class TrackingNames
{
    /// <summary>The models read from each <c>[WebSocketClient]</c> class (null for classes that cannot be generated).</summary>
    public const string InitialExtraction = nameof(InitialExtraction);

    /// <summary>The models left once the classes that cannot be generated are dropped.</summary>
    public const string RemovingNulls = nameof(RemovingNulls);
}
