using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Messaging.Requests;
using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Messaging.Waiting;

/// <summary>
/// <c>WaitForAsync&lt;T&gt;</c>: the next received message of a contract (that matches a predicate), matched as it arrives;
/// the message still reaches its handlers; a wait ends with the connection, its token or the client.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class MessageWaitTests(TestServerFixture fixture)
{
    private static readonly TimeSpan Generous = TestServer.DefaultTimeout;

    [Fact]
    public async Task A_wait_returns_the_next_matching_message_which_still_reaches_its_handlers_in_order()
    {
        var handled = new Inbox();
        await using var client = new WorkClientWithReplyContract(fixture.Server.WsUri("/respond"));
        client.NotARoutedReplyReceived += handled.Add;
        await client.OpenAsync();

        var second = client.WaitForAsync<NotARoutedReply>(reply => reply.N == 2);
        await client.SendAsync("""{"type":"work","id":901,"n":1}""", isData: false);
        await client.SendAsync("""{"type":"work","id":902,"n":2}""", isData: false);

        Assert.Equal(new NotARoutedReply(2), await second.WaitAsync(Generous));
        Assert.Equal([new NotARoutedReply(1), new NotARoutedReply(2)], await handled.WaitForAsync(2));
    }

    [Fact]
    public async Task A_wait_for_a_type_the_client_does_not_receive_is_refused_with_what_to_declare()
    {
        await using var client = new WorkClientWithReplyContract(fixture.Server.WsUri("/respond"));

        var refused = Assert.Throws<ArgumentException>(() => { _ = client.WaitForAsync<WorkDone>(); });

        Assert.Contains("receives no", refused.Message, StringComparison.Ordinal);
        Assert.Contains("[Receives(typeof(WorkDone))]", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wait_ends_when_its_token_is_cancelled_and_when_the_connection_closes()
    {
        await using var client = new WorkClientWithReplyContract(fixture.Server.WsUri("/respond"));
        await client.OpenAsync();
        using var cancel = new CancellationTokenSource();

        var cancelled = client.WaitForAsync<NotARoutedReply>(cancellationToken: cancel.Token);
        var closed = client.WaitForAsync<NotARoutedReply>();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Generous));
        await client.CloseAsync();

        var aborted = await Assert.ThrowsAsync<WebSocketWaitAbortedException>(() => closed.WaitAsync(Generous));
        Assert.Contains("NotARoutedReply", aborted.Message, StringComparison.Ordinal);
        Assert.NotNull(aborted.Close);
    }
}
