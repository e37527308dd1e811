using System.Text.Json;
using CpWebSocket.Messaging;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Interop;

/// <summary>
/// Generated typed clients against Node's <c>ws</c> server: what they put on the wire is what a JavaScript peer
/// parses, and what it sends back is routed to the typed events, for each envelope shape.
/// </summary>
[Collection(NodeCollectionDefinition.Name)]
public sealed class NodeTypedInteropTests(NodePeerFixture fixture)
{
    private NodePeer Peer => fixture.Peer;

    [Fact]
    public async Task A_typed_ping_gets_the_servers_typed_pong_with_the_same_id()
    {
        await using var client = new NodePingClient(Peer.WsUri("/chat"));
        var errors = new List<WebSocketErrorInfo>();
        var unhandled = new List<string>();
        var pong = new TaskCompletionSource<Pong>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Error += errors.Add;
        client.Unhandled += m => unhandled.Add(m.GetText());
        client.PongReceived += p => pong.TrySetResult(p);
        await client.OpenAsync();

        await client.SendAsync(new Ping(42, "hello from .NET"));
        var received = await pong.Task.WaitAsync(EventRecorder.Timeout);

        // The server read "type" and "id" from our JSON, so the id coming back proves the outbound envelope too.
        Assert.Equal(new Pong(42, "node"), received);
        Assert.Empty(errors);
        Assert.Empty(unhandled);
    }

    [Fact]
    public async Task Json_that_no_contract_matches_raises_unhandled_with_its_discriminator()
    {
        await using var client = new NodePingClient(Peer.WsUri("/chat"));
        var errors = new List<WebSocketErrorInfo>();
        var unhandled = new TaskCompletionSource<(MessageDiscriminator, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Error += errors.Add;
        client.Unhandled += m => unhandled.TrySetResult((m.Discriminator, m.GetText()));
        var pongs = new List<Pong>();
        client.PongReceived += pongs.Add;
        await client.OpenAsync();

        const string news = """{"id":7,"type":"news","text":"echoed as is"}""";
        await client.SendAsync(news, isData: false);
        var (discriminator, text) = await unhandled.Task.WaitAsync(EventRecorder.Timeout);

        Assert.Equal(MessageDiscriminator.FromString("news"), discriminator);
        Assert.Equal(news, text);
        Assert.Empty(errors);
        Assert.Empty(pongs);
    }

    [Fact]
    public async Task A_wrapped_payload_round_trips_through_node()
    {
        await using var client = new WrappedNoteClient(Peer.WsUri("/chat"));
        var errors = new List<WebSocketErrorInfo>();
        var wire = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var note = new TaskCompletionSource<Note>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Error += errors.Add;
        client.MessageReceived += m => wire.TrySetResult(m.GetText()); // raised before the typed event
        client.NoteReceived += n => note.TrySetResult(n);
        await client.OpenAsync();

        await client.SendAsync(new Note(3, "wrapped ✓"));
        var received = await note.Task.WaitAsync(EventRecorder.Timeout);

        Assert.Equal(new Note(3, "wrapped ✓"), received);
        Assert.Empty(errors);

        // The echo is byte for byte what we sent: the payload sits under "data", nothing of it at the top level.
        using var json = JsonDocument.Parse(await wire.Task.WaitAsync(EventRecorder.Timeout));
        var root = json.RootElement;
        Assert.Equal("note", root.GetProperty("type").GetString());
        Assert.Equal(3, root.GetProperty("data").GetProperty("id").GetInt32());
        Assert.Equal("wrapped ✓", root.GetProperty("data").GetProperty("text").GetString());
        Assert.False(root.TryGetProperty("id", out JsonElement _));
    }

    [Fact]
    public async Task An_integer_discriminator_round_trips_through_node()
    {
        await using var client = new TickClient(Peer.WsUri("/chat"));
        var errors = new List<WebSocketErrorInfo>();
        var wire = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tick = new TaskCompletionSource<Tick>(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Error += errors.Add;
        client.MessageReceived += m => wire.TrySetResult(m.GetText());
        client.TickReceived += t => tick.TrySetResult(t);
        await client.OpenAsync();

        await client.SendAsync(new Tick(1_700_000_000_123, 2.5));
        var received = await tick.Task.WaitAsync(EventRecorder.Timeout);

        Assert.Equal(new Tick(1_700_000_000_123, 2.5), received);
        Assert.Empty(errors);

        using var json = JsonDocument.Parse(await wire.Task.WaitAsync(EventRecorder.Timeout));
        var op = json.RootElement.GetProperty("op");
        Assert.Equal(JsonValueKind.Number, op.ValueKind);
        Assert.Equal(5, op.GetInt64());
    }
}
