using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Messaging.Requests;

/// <summary>
/// Responses are matched as they arrive, not in the ordered handler queue: a handler, a stream's reader and an
/// <c>OnOpened</c> hook, which hold that queue, can await a request on the same client.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class RequestsFromHandlersTests(TestServerFixture fixture)
{
    private static readonly TimeSpan Generous = TestServer.DefaultTimeout;

    // Far below the wait of the test: a response stuck behind the handler that awaits it would time the request out.
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_handler_awaits_a_request_on_its_own_client_and_gets_the_response()
    {
        await using var client = new WorkClientWithReplyContract(fixture.Server.WsUri("/respond")) { DefaultRequestTimeout = RequestTimeout };
        var answers = new Inbox();
        var after = new Inbox();
        client.OnNotARoutedReply(async (reply, ct) =>
        {
            if (reply.N == 8)
            {
                answers.Add(await client.WorkAsync(new Work(9), ct));
            }
            else
            {
                after.Add(reply);
            }
        });
        await client.OpenAsync();

        // Answered as an ordinary "reply" (no request waits for id 999): its handler sends a request and awaits it.
        await client.SendAsync("""{"type":"work","id":999,"n":8}""", isData: false);
        await client.SendAsync("""{"type":"work","id":998,"n":10}""", isData: false);

        Assert.Equal(new WorkDone(9), (await answers.WaitForAsync(1))[0]);
        Assert.Equal(new NotARoutedReply(10), (await after.WaitForAsync(1))[0]);
    }

    [Fact]
    public async Task A_stream_reader_awaits_a_request_for_each_message_it_reads()
    {
        await using var client = new WorkClientWithReplyContract(fixture.Server.WsUri("/respond")) { DefaultRequestTimeout = RequestTimeout };
        await client.OpenAsync();
        using var replies = client.ReadAllNotARoutedReplyAsync(new MessageStreamOptions { Capacity = 1 });
        for (var n = 1; n <= 3; n++)
        {
            await client.SendAsync($$"""{"type":"work","id":{{900 + n}},"n":{{n}}}""", isData: false);
        }

        var done = new List<int>();
        await foreach (var reply in replies.WithCancellation(new CancellationTokenSource(Generous).Token))
        {
            done.Add((await client.WorkAsync(new Work(reply.N * 10))).N);
            if (done.Count == 3)
            {
                break;
            }
        }

        Assert.Equal([10, 20, 30], done);
    }

    [Fact]
    public async Task An_opened_hook_awaits_a_request_and_the_open_completes_after_it()
    {
        await using var client = new WorkClientWithReplyContract(fixture.Server.WsUri("/respond")) { DefaultRequestTimeout = RequestTimeout };
        WorkDone? handshake = null;
        client.OnOpened(async ct => handshake = await client.WorkAsync(new Work(3), ct));

        await client.OpenAsync().WaitAsync(Generous);

        Assert.Equal(new WorkDone(3), handshake);
    }
}
