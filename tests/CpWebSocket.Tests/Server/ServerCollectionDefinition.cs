using Xunit;

namespace CpWebSocket.Tests.Server;

/// <summary>
/// The xunit collection <c>"server"</c>: its test classes share one <see cref="TestServerFixture"/> and run one at a time.
/// Use it as <c>[Collection(ServerCollectionDefinition.Name)]</c> and take a <see cref="TestServerFixture"/> in the constructor.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServerCollectionDefinition : ICollectionFixture<TestServerFixture>
{
    /// <summary>The collection name.</summary>
    public const string Name = "server";
}
