using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Readme;

/// <summary>The README's requests and streams, compiled and run against the <c>/respond</c> and <c>/echo</c> endpoints.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class RequestsExample(TestServerFixture fixture)
{
    [Fact]
    public async Task The_readme_request_gets_the_answer_that_carries_its_id()
    {
        var url = fixture.Server.WsUri("""/respond?reply=rooms.list&merge={"rooms":["lobby","lounge"]}""");
        var cancellationToken = CancellationToken.None;

        // README: awaited request (begin)
        await using var rooms = new RoomsClient(url) { DefaultRequestTimeout = TimeSpan.FromSeconds(10) };
        await rooms.OpenAsync(cancellationToken);

        RoomList list = await rooms.GetRoomsAsync(new GetRooms("lo"), cancellationToken);
        // README: awaited request (end)

        Assert.Equal(["lobby", "lounge"], list.Rooms);
    }

    [Fact]
    public async Task The_readme_json_rpc_call_returns_the_result_or_throws_the_servers_error()
    {
        var tag = Guid.NewGuid().ToString("N");
        var url = fixture.Server.WsUri($"/respond?shape=rpc&discriminator=method&payload=params&tag={tag}");
        await using var rpc = new RpcRoomsClient(url);
        await rpc.OpenAsync();
        var log = new List<string>();

        // README: json-rpc call (begin)
        try
        {
            RoomCount count = await rpc.CountRoomsAsync(new CountRooms("lo"));
            log.Add($"result: {count}");
        }
        catch (WebSocketResponseException<RpcError> ex)       // {"error":{"code":-32000,"message":"..."}}
        {
            log.Add($"server error {ex.Error.Code}: {ex.Error.Message}");
        }
        catch (WebSocketRequestTimeoutException)              // no answer in time; a late one goes to Unhandled
        {
            log.Add("timed out");
        }
        catch (WebSocketRequestAbortedException)              // the connection closed while waiting
        {
            log.Add("connection closed");
        }
        // README: json-rpc call (end)

        Assert.Equal(["result: RoomCount { Prefix = lo }"], log);
        var server = await fixture.Server.WaitForConnectionAsync("/respond", TestServer.DefaultTimeout, tag);
        var sent = (await server.WaitForMessagesAsync(1, TestServer.DefaultTimeout))[0].Text;
        Assert.Equal("""{"jsonrpc":"2.0","method":"rooms.count","id":1,"params":{"prefix":"lo"}}""", sent);   // valid JSON-RPC 2.0
    }

    [Fact]
    public async Task The_readme_stream_reads_messages_until_the_connection_closes()
    {
        await using var chat = new ChatClient(fixture.Server.WsUri("/echo"));
        await chat.OpenAsync();
        var lines = new List<string>();
        var two = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Called without awaiting: the stream subscribes before ReadAsync's first await, so no message is missed.
        var reading = ReadAsync(CancellationToken.None);
        await chat.SendAsync("""{"type":"chat.said","room":"lobby","from":"bob","text":"hey"}""", isData: false);
        await chat.SendAsync("""{"type":"chat.said","room":"lobby","from":"ann","text":"hi"}""", isData: false);
        await two.Task.WaitAsync(TestServer.DefaultTimeout);
        await chat.CloseAsync();

        await reading.WaitAsync(TestServer.DefaultTimeout);
        Assert.Equal(["bob: hey", "ann: hi"], lines);

        async Task ReadAsync(CancellationToken cancellationToken)
        {
            // README: stream (begin)
            await foreach (Said said in chat.ReadAllSaidAsync(new MessageStreamOptions { Capacity = 64 }, cancellationToken))
            {
                lines.Add($"{said.From}: {said.Text}");                      // ends when the connection closes for good
                // ...
                if (lines.Count == 2)
                {
                    two.SetResult();
                }
            }
            // README: stream (end)
        }
    }
}
