using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Messaging.EndToEnd;

/// <summary>Generated clients against the Kestrel echo endpoint: each envelope shape round-trips, with the exact wire form.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class TypedRoundTripTests(TestServerFixture fixture)
{
    private async Task<string> WireTextAsync(string tag)
    {
        var server = await fixture.Server.WaitForConnectionAsync("/echo", TestServer.DefaultTimeout, tag);
        return (await server.WaitForMessagesAsync(1, TestServer.DefaultTimeout))[0].Text;
    }

    [Fact]
    public async Task A_flat_string_envelope_round_trips()
    {
        var tag = Guid.NewGuid().ToString("N");
        var inbox = new Inbox();
        await using var client = new FlatEchoClient(fixture.Server.WsUri($"/echo?tag={tag}"));
        client.NoteReceived += inbox.Add;
        await client.OpenAsync();

        await client.SendAsync(new Note("groceries", 3));

        Assert.Equal(new Note("groceries", 3), (await inbox.WaitForAsync(1))[0]);
        Assert.Equal("""{"type":"note","title":"groceries","count":3}""", await WireTextAsync(tag));
    }

    [Fact]
    public async Task A_wrapped_envelope_round_trips()
    {
        var tag = Guid.NewGuid().ToString("N");
        var inbox = new Inbox();
        await using var client = new WrappedEchoClient(fixture.Server.WsUri($"/echo?tag={tag}"));
        client.TickReceived += inbox.Add;
        await client.OpenAsync();

        await client.SendAsync(new Tick("ACME", 12.5m));

        Assert.Equal(new Tick("ACME", 12.5m), (await inbox.WaitForAsync(1))[0]);
        Assert.Equal("""{"type":"tick","data":{"symbol":"ACME","price":12.5}}""", await WireTextAsync(tag));
    }

    [Fact]
    public async Task Integer_discriminators_with_a_serializer_context_round_trip()
    {
        var tag = Guid.NewGuid().ToString("N");
        var inbox = new Inbox();
        await using var client = new IntegerEchoClient(fixture.Server.WsUri($"/echo?tag={tag}"));
        client.IdentifyReceived += inbox.Add;
        client.RequestReceived += inbox.Add;
        await client.OpenAsync();

        await client.SendAsync(new Identify(1, null));
        await client.SendAsync(new Request("GetVersion", "r-1"));

        Assert.Equal([new Identify(1, null), new Request("GetVersion", "r-1")], await inbox.WaitForAsync(2));
        Assert.Equal("""{"op":5,"d":{"rpcVersion":1,"authentication":null}}""", await WireTextAsync(tag));
    }

    [Fact]
    public async Task A_serializer_context_client_round_trips()
    {
        var inbox = new Inbox();
        await using var client = new ContextEchoClient(fixture.Server.WsUri("/echo"));
        client.NoteReceived += inbox.Add;
        await client.OpenAsync();

        await client.SendAsync(new Note("from a context", 1));

        Assert.Equal(new Note("from a context", 1), (await inbox.WaitForAsync(1))[0]);
    }

    [Fact]
    public async Task The_discriminator_is_found_wherever_it_stands()
    {
        var inbox = new Inbox();
        await using var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        client.NoteReceived += inbox.Add;
        await client.OpenAsync();

        client.Send("""{"title":"last","count":2,"nested":{"type":"decoy"},"type":"note"}""", isData: false);

        Assert.Equal(new Note("last", 2), (await inbox.WaitForAsync(1))[0]);
    }

    [Fact]
    public async Task Async_handlers_run_one_at_a_time_and_hold_the_next_message()
    {
        var inbox = new Inbox();
        var running = 0;
        var overlapped = false;
        await using var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        client.OnNote(async (note, ct) =>
        {
            overlapped |= Interlocked.Increment(ref running) > 1;
            await Task.Delay(5, ct);
            inbox.Add(note.Count);
            Interlocked.Decrement(ref running);
        });
        await client.OpenAsync();

        for (var i = 0; i < 20; i++)
        {
            await client.SendAsync(new Note("n", i));
        }

        Assert.Equal(Enumerable.Range(0, 20).Cast<object>(), await inbox.WaitForAsync(20));
        Assert.False(overlapped);
    }

    [Fact]
    public async Task Ten_thousand_typed_messages_keep_their_order()
    {
        const int count = 10_000;
        var inbox = new Inbox();
        await using var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        client.NoteReceived += note => inbox.Add(note.Count);
        await client.OpenAsync();

        var sends = new Task[count];
        for (var i = 0; i < count; i++)
        {
            sends[i] = client.SendAsync(new Note("seq", i)).AsTask(); // many in flight, one ordered lane
        }

        await Task.WhenAll(sends);
        Assert.Equal(Enumerable.Range(0, count).Cast<object>(), await inbox.WaitForAsync(count));
    }
}
