using System.Collections.Concurrent;
using System.Text.Json;
using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Reliability.Load;

/// <summary>Many threads sending typed messages through one generated client at once: nothing lost, mangled or reordered.</summary>
[Collection(LoadCollectionDefinition.Name)]
public sealed class ConcurrentSendTests
{
    private const int Threads = 8;
    private const int MessagesPerThread = 10_000;
    private const int InFlightPerThread = 16;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Eight_threads_sending_ten_thousand_typed_messages_each_through_one_client_deliver_every_message_intact_and_in_each_threads_order()
    {
        await using var server = await TestServer.StartAsync();
        var errors = new ConcurrentQueue<WebSocketErrorInfo>();
        await using var client = new LoadClient(server.WsUri("/record"));
        client.Error += errors.Enqueue;
        await client.OpenAsync().WaitAsync(Timeout);

        using var start = new Barrier(Threads);
        var senders = Enumerable.Range(0, Threads).Select(thread => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                // Each thread keeps up to InFlightPerThread sends unawaited, so its order on the wire rests on the
                // lane keeping the order of the calls, not only on each write finishing before the next call.
                var inFlight = new Queue<Task>(InFlightPerThread);
                for (var sequence = 0; sequence < MessagesPerThread; sequence++)
                {
                    if (inFlight.Count == InFlightPerThread)
                    {
                        inFlight.Dequeue().GetAwaiter().GetResult();
                    }

                    inFlight.Enqueue(client.SendAsync(Sequenced.For(thread, sequence)).AsTask());
                }

                Task.WaitAll(inFlight.ToArray());
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default)).ToArray();
        await Task.WhenAll(senders).WaitAsync(Timeout);

        var log = await server.WaitForConnectionAsync("/record", Timeout);
        var received = await log.WaitForMessagesAsync(Threads * MessagesPerThread, Timeout);
        Assert.Equal(Threads * MessagesPerThread, received.Count);
        var next = new int[Threads];
        for (var i = 0; i < received.Count; i++)
        {
            var (sender, sequence) = ReadIntact(received[i], i);
            Assert.True(
                sequence == next[sender],
                $"Message {i} on the wire is message {sequence} of thread {sender}, which should have sent message {next[sender]} first.");
            next[sender]++;
        }

        Assert.All(next, count => Assert.Equal(MessagesPerThread, count));
        Assert.Empty(errors);
    }

    /// <summary>Parses one received message and checks that it is a whole, well-formed <see cref="Sequenced"/> envelope.</summary>
    private static (int Sender, int Sequence) ReadIntact(ReceivedMessage message, int index)
    {
        Assert.True(message.IsText, $"Message {index} came as {message.Type}, not as text.");
        using var json = JsonDocument.Parse(message.Data);
        var root = json.RootElement;
        var names = root.EnumerateObject().Select(property => property.Name).ToArray();
        Assert.True(names.SequenceEqual(["type", "sender", "sequence", "text"]), $"Message {index} has the properties [{string.Join(", ", names)}]: {message.Text}");
        Assert.Equal(Sequenced.Discriminator, root.GetProperty("type").GetString());
        var sender = root.GetProperty("sender").GetInt32();
        var sequence = root.GetProperty("sequence").GetInt32();
        Assert.InRange(sender, 0, Threads - 1);
        Assert.InRange(sequence, 0, MessagesPerThread - 1);
        Assert.Equal(Sequenced.TextFor(sender, sequence), root.GetProperty("text").GetString());
        return (sender, sequence);
    }
}
