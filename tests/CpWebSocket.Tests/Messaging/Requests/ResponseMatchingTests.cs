using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Messaging.Requests;

/// <summary>
/// A message completes a waiting request only when it can be that request's response: its id matches, and its
/// discriminator is the response type's or the declared error response's. Against the Kestrel <c>/respond</c> endpoint,
/// which echoes each request under the discriminator its <c>reply</c> query parameter names.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ResponseMatchingTests(TestServerFixture fixture)
{
    private static readonly TimeSpan Generous = TestServer.DefaultTimeout;

    [Fact]
    public async Task A_message_with_the_response_types_discriminator_and_the_id_completes_the_request()
    {
        await using var client = new JobClient(fixture.Server.WsUri("/respond?reply=job.done"));
        await client.OpenAsync();

        Assert.Equal(new JobDone(4), await client.JobAsync(new Job(4)));
    }

    [Fact]
    public async Task The_echo_of_the_request_itself_is_not_its_response_and_the_timeout_says_so()
    {
        var unhandled = new Inbox();
        await using var client = new JobClient(fixture.Server.WsUri("/respond?reply=job")) { DefaultRequestTimeout = TimeSpan.FromMilliseconds(500) };
        client.Unhandled += u => unhandled.Add(u.Discriminator.ToString());
        await client.OpenAsync();

        var timeout = await Assert.ThrowsAsync<WebSocketRequestTimeoutException>(() => client.JobAsync(new Job(4)));

        Assert.Contains("A message with its id did arrive, but could not be its response: it was a \"job\" message, and the request waits for a \"job.done\" message or a \"error\" error response", timeout.Message, StringComparison.Ordinal);
        Assert.Equal(["job"], await unhandled.WaitForAsync(1)); // routed like any other message
    }

    [Fact]
    public async Task A_declared_error_response_ends_the_request_with_its_typed_exception_not_a_timeout()
    {
        await using var client = new JobClient(fixture.Server.WsUri("""/respond?reply=error&merge={"message":"no such job"}""")) { DefaultRequestTimeout = Generous };
        await client.OpenAsync();

        var error = await Assert.ThrowsAsync<WebSocketResponseException<ErrorReply>>(() => client.JobAsync(new Job(4)));

        Assert.Equal(new ErrorReply("no such job"), error.Error);
        Assert.Equal(1, error.RequestId);
        Assert.Contains("\"type\":\"error\"", error.RawText, StringComparison.Ordinal);
        Assert.True(client.IsOpen);
    }

    [Fact]
    public async Task A_response_lacking_a_member_its_type_declares_non_nullable_fails_the_request()
    {
        await using var client = new JobClient(fixture.Server.WsUri("/respond?reply=job.done"));
        await client.OpenAsync();

        // The endpoint echoes the raw message under "job.done", with the id of the waiting request and no "n".
        var call = client.JobAsync(new Job(1, Silent: true));
        await client.SendAsync("""{"type":"job","id":1}""", isData: false);

        var error = await Assert.ThrowsAsync<WebSocketResponseException>(() => call.WaitAsync(Generous));
        Assert.Contains("did not deserialize into CpWebSocket.Tests.Messaging.Requests.JobDone: it lacks 'n'", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.RequestId);
    }
}
