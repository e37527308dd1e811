namespace CpWebSocket.Tests.Interop;

/// <summary>
/// The xunit collection <c>"node"</c>: its test classes share one <see cref="NodePeerFixture"/> (one Node process)
/// and run one at a time. Use it as <c>[Collection(NodeCollectionDefinition.Name)]</c>.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NodeCollectionDefinition : ICollectionFixture<NodePeerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "node";
}
