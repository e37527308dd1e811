namespace CpWebSocket.Tests.Protocols;

/// <summary>The xunit collection whose test classes share the <see cref="ProtocolPeersFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ProtocolPeersCollectionDefinition : ICollectionFixture<ProtocolPeersFixture>
{
    public const string Name = "protocol peers";
}
