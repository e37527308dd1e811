using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Interop;

/// <summary>Awaited requests against a JSON-RPC 2.0 server written for Node's <c>ws</c>, sharing no code with ours.</summary>
[Collection(NodeCollectionDefinition.Name)]
public sealed class NodeRequestInteropTests(NodePeerFixture fixture)
{
    private NodePeer Peer => fixture.Peer;

    [Fact]
    public async Task Twenty_concurrent_calls_answered_in_reverse_each_get_their_own_result()
    {
        var progress = new List<long>();
        await using var client = new NodeRpcClient(Peer.WsUri("/jsonrpc?batch=20"));
        client.ProgressReceived += p => progress.Add(p.Answering);
        await client.OpenAsync();

        var calls = Enumerable.Range(1, 20).Select(n => client.AddAsync(new Add(n, 1000))).ToArray();
        var sums = await Task.WhenAll(calls).WaitAsync(EventRecorder.Timeout);

        Assert.Equal(Enumerable.Range(1, 20).Select(n => n + 1000), sums.Select(s => s.Sum));

        // The notifications between the answers carry no id: they reach their typed event, newest call first.
        Assert.Equal(Enumerable.Range(1, 20).Reverse().Select(n => (long)n), progress);
    }

    [Fact]
    public async Task A_json_rpc_error_fails_the_call_with_the_error_and_the_next_call_succeeds()
    {
        await using var client = new NodeRpcClient(Peer.WsUri("/jsonrpc"));
        await client.OpenAsync();

        var failure = await Assert.ThrowsAsync<WebSocketResponseException<NodeRpcError>>(() => client.FailAsync(new Fail("disk full")));

        Assert.Equal(new NodeRpcError(-32000, "disk full"), failure.Error);
        Assert.Equal(3, (await client.AddAsync(new Add(1, 2))).Sum);
    }
}
