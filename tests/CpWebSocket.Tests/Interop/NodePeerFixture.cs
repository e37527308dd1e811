namespace CpWebSocket.Tests.Interop;

/// <summary>
/// One <see cref="NodePeer"/> shared by the tests of the <see cref="NodeCollectionDefinition"/>; started before the
/// first test, stopped after the last. When Node or <c>ws</c> is missing, every test of the collection fails with
/// the start error, which says what to install.
/// </summary>
public sealed class NodePeerFixture : IAsyncLifetime
{
    private NodePeer? _peer;

    /// <summary>The running server.</summary>
    public NodePeer Peer => _peer ?? throw new InvalidOperationException("The Node server has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _peer = await NodePeer.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_peer is not null)
        {
            await _peer.DisposeAsync();
        }
    }
}
