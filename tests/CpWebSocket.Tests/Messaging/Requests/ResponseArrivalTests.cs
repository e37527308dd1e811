using System.Text;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Messaging.Requests;

/// <summary>
/// A response is matched as it arrives. Of a flat envelope, the arrival pass stops once it found the discriminator and
/// the id, when the rest of the message cannot name either again; the response's deserializer reads the rest. A
/// hand-written peer answers the first request (id 1) with exactly the bytes each test names.
/// </summary>
public sealed class ResponseArrivalTests
{
    [Fact]
    public async Task A_large_response_that_opens_with_its_discriminator_and_id_completes_its_request()
    {
        var padding = new string('x', 60_000);
        var job = await AnswerFirstRequestAsync([$$"""{"type":"job.done","id":1,"n":7,"pad":"{{padding}}"}"""]);

        Assert.Equal(new JobDone(7), await job);
    }

    [Theory]
    [InlineData("""{"type":"job.done","id":1,"n":4,"id":2}""")]
    [InlineData("""{"type":"job.done","id":1,"n":4,"type":"job"}""")]
    [InlineData("""{"type":"job.done","id":1,"n":4,"i\u0064":2}""")]
    public async Task A_response_that_names_its_id_or_discriminator_again_later_is_not_taken_and_the_next_one_is(string ambiguous)
    {
        var job = await AnswerFirstRequestAsync([ambiguous, """{"type":"job.done","id":1,"n":5}"""]);

        Assert.Equal(new JobDone(5), await job);
    }

    [Fact]
    public async Task A_response_that_is_not_json_after_its_id_fails_the_request_with_the_reason_at_once()
    {
        var job = await AnswerFirstRequestAsync(["""{"type":"job.done","id":1,"n":7,"""]);

        var error = await Assert.ThrowsAsync<WebSocketResponseException>(() => job);
        Assert.Equal(1, error.RequestId);
        Assert.Contains("JobDone", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Opens a client, sends one request and answers it with <paramref name="answers"/>; the request's task.</summary>
    private static async Task<Task<JobDone>> AnswerFirstRequestAsync(string[] answers)
    {
        var peer = new RawWebSocketPeer(async (stream, stop) =>
        {
            await RawWebSocketPeer.ReadFrameAsync(stream, stop); // the request
            foreach (var answer in answers)
            {
                await stream.WriteAsync(RawWebSocketPeer.Frame(0x81, Encoding.UTF8.GetBytes(answer)), stop);
            }
        });
        var client = new JobClient(peer.WsUri) { DefaultRequestTimeout = TimeSpan.FromSeconds(30) };
        await client.OpenAsync();
        return CompleteAsync();

        async Task<JobDone> CompleteAsync()
        {
            await using (peer)
            await using (client)
            {
                return await client.JobAsync(new Job(4)).WaitAsync(EventRecorder.Timeout);
            }
        }
    }
}
