using System.Net.WebSockets;
using System.Text;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Connection;

/// <summary>Guard: text and binary sends share one lane, so they keep their order (Websocket.Client queues them apart).</summary>
public abstract class SendOrderingTests(TestServerFixture fixture, TransportKind transport) : TransportTestBase(transport)
{
    [Fact]
    public async Task Mixed_text_and_binary_sends_from_one_thread_keep_their_order()
    {
        var tag = Guid.NewGuid().ToString("N");
        await using var socket = new HttpWebSocket(fixture.Server.WsUri($"/record?tag={tag}"), options: Options());
        await socket.OpenAsync();

        const int count = 2_000;
        for (var i = 0; i < count; i++)
        {
            // Alternate frame types and API shapes: fire-and-forget and awaited sends share the order.
            if (i % 4 == 3)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(i.ToString()), isData: i % 2 == 0);
            }
            else
            {
                socket.Send(i.ToString(), isData: i % 2 == 0);
            }
        }

        var server = await fixture.Server.WaitForConnectionAsync("/record", TestServer.DefaultTimeout, tag);
        var received = await server.WaitForMessagesAsync(count, TestServer.DefaultTimeout);
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(i.ToString(), received[i].Text);
            Assert.Equal(i % 2 == 0 ? WebSocketMessageType.Binary : WebSocketMessageType.Text, received[i].Type);
        }
    }

    [Fact]
    public async Task Sends_from_many_threads_keep_each_threads_order_and_lose_nothing()
    {
        var tag = Guid.NewGuid().ToString("N");
        await using var socket = new HttpWebSocket(fixture.Server.WsUri($"/record?tag={tag}"), options: Options());
        await socket.OpenAsync();

        const int threads = 4;
        const int perThread = 2_500;
        using var start = new Barrier(threads);
        var senders = Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < perThread; i++)
                {
                    socket.Send($"{t}:{i}", isData: (t + i) % 2 == 0);
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(senders);

        var server = await fixture.Server.WaitForConnectionAsync("/record", TestServer.DefaultTimeout, tag);
        var received = await server.WaitForMessagesAsync(threads * perThread, TestServer.DefaultTimeout);
        Assert.Equal(threads * perThread, received.Count);
        var next = new int[threads];
        foreach (var message in received)
        {
            var parts = message.Text.Split(':');
            var (thread, index) = (int.Parse(parts[0]), int.Parse(parts[1]));
            Assert.Equal(next[thread], index);
            Assert.Equal((thread + index) % 2 == 0 ? WebSocketMessageType.Binary : WebSocketMessageType.Text, message.Type);
            next[thread]++;
        }

        Assert.All(next, n => Assert.Equal(perThread, n));
    }

    [Fact]
    public async Task Sends_queued_before_close_are_written_before_the_close_frame()
    {
        var tag = Guid.NewGuid().ToString("N");
        var socket = new HttpWebSocket(fixture.Server.WsUri($"/record?tag={tag}"), options: Options());
        await socket.OpenAsync();

        for (var i = 0; i < 500; i++)
        {
            socket.Send(i.ToString(), isData: false);
        }

        await socket.CloseAsync();

        var server = await fixture.Server.WaitForConnectionAsync("/record", TestServer.DefaultTimeout, tag);
        await server.WaitForCloseReceivedAsync(TestServer.DefaultTimeout);
        Assert.Equal(500, server.MessageCount);
    }
}

/// <summary><see cref="SendOrderingTests"/> over the default transport.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class SendOrderingTestsOverSockets(TestServerFixture fixture) : SendOrderingTests(fixture, TransportKind.Sockets);

/// <summary><see cref="SendOrderingTests"/> over Websocket.Client.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class SendOrderingTestsOverWebsocketClient(TestServerFixture fixture) : SendOrderingTests(fixture, TransportKind.WebsocketClient);
