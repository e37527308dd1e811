using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Messaging.Streams;

/// <summary>
/// The generated <c>ReadAll…Async</c> streams against the Kestrel echo endpoint. A stream subscribes when it is
/// requested, so messages that arrive before its enumeration starts are seen.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class MessageStreamTests(TestServerFixture fixture)
{
    private static readonly TimeSpan Generous = TestServer.DefaultTimeout;

    [Fact]
    public async Task A_stream_yields_each_received_message_in_order()
    {
        await using var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        await client.OpenAsync();
        var reading = ReadAsync(client.ReadAllNoteAsync(), count: 50);

        for (var i = 1; i <= 50; i++)
        {
            await client.SendAsync(new Note("n", i));
        }

        Assert.Equal(Enumerable.Range(1, 50), (await reading.WaitAsync(Generous)).Select(n => n.Count));
    }

    [Fact]
    public async Task A_stream_keeps_the_messages_that_arrive_between_its_request_and_the_start_of_its_enumeration()
    {
        var events = new Inbox();
        await using var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        client.NoteReceived += events.Add;
        await client.OpenAsync();
        var stream = client.ReadAllNoteAsync();

        for (var i = 1; i <= 3; i++)
        {
            await client.SendAsync(new Note("early", i));
        }

        await events.WaitForAsync(3);   // delivered before anyone enumerates
        await client.CloseAsync();

        Assert.Equal([1, 2, 3], (await ReadAllAsync(stream).WaitAsync(Generous)).Select(n => n.Count));
    }

    [Fact]
    public async Task A_stream_is_read_once()
    {
        await using var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        await client.OpenAsync();
        var stream = client.ReadAllNoteAsync();
        await using var first = stream.GetAsyncEnumerator();

        var error = Assert.Throws<InvalidOperationException>(() => stream.GetAsyncEnumerator());

        Assert.Contains("A stream is read once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disposed_stream_that_was_never_read_holds_up_nothing()
    {
        var events = new Inbox();
        await using var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        client.NoteReceived += events.Add;
        await client.OpenAsync();
        var unread = client.ReadAllNoteAsync(new MessageStreamOptions { Capacity = 2 });

        unread.Dispose();
        for (var i = 1; i <= 10; i++)
        {
            await client.SendAsync(new Note("n", i));
        }

        Assert.Equal(10, (await events.WaitForAsync(10)).Count);
        Assert.Empty(await ReadAllAsync(unread).WaitAsync(Generous));
    }

    [Fact]
    public async Task A_slow_reader_in_wait_mode_holds_back_the_next_messages_and_loses_none()
    {
        var events = new Inbox();
        await using var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        client.NoteReceived += events.Add;
        await client.OpenAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reading = ReadSlowlyAsync(client.ReadAllNoteAsync(new MessageStreamOptions { Capacity = 4 }), 40, firstRead, gate.Task);

        await client.SendAsync(new Note("n", 1));
        await firstRead.Task.WaitAsync(Generous);
        for (var i = 2; i <= 40; i++)
        {
            await client.SendAsync(new Note("n", i));
        }

        // 1 read, 4 buffered, 1 waiting for room: the seventh message waits, and every event with it.
        await events.WaitForAsync(6);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.Equal(6, events.Items.Count);

        gate.SetResult();
        Assert.Equal(Enumerable.Range(1, 40), (await reading.WaitAsync(Generous)).Select(n => n.Count));
        Assert.Equal(40, events.Items.Count);
    }

    [Fact]
    public async Task A_slow_reader_in_drop_oldest_mode_never_holds_back_and_each_drop_is_an_error()
    {
        var events = new Inbox();
        var dropped = new Inbox();
        await using var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        client.NoteReceived += events.Add;
        client.Error += e => dropped.Add(e);
        await client.OpenAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new MessageStreamOptions { Capacity = 4, FullMode = MessageStreamFullMode.DropOldest };
        var reading = ReadSlowlyAsync(client.ReadAllNoteAsync(options), 5, firstRead, gate.Task);

        await client.SendAsync(new Note("n", 1));
        await firstRead.Task.WaitAsync(Generous);
        for (var i = 2; i <= 50; i++)
        {
            await client.SendAsync(new Note("n", i));
        }

        await events.WaitForAsync(50);
        var errors = (await dropped.WaitForAsync(45)).Cast<WebSocketErrorInfo>().ToList();
        gate.SetResult();

        Assert.Equal([1, 47, 48, 49, 50], (await reading.WaitAsync(Generous)).Select(n => n.Count));
        Assert.Equal(45, errors.Count);
        Assert.All(errors, e => Assert.Equal(WebSocketErrorKind.MessageDropped, e.Kind));
        Assert.Contains("oldest message was dropped", errors[0].Message, StringComparison.Ordinal);
        Assert.True(client.IsOpen);
    }

    [Fact]
    public async Task A_stream_ends_after_its_buffered_messages_when_the_connection_closes()
    {
        await using var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        await client.OpenAsync();
        var reading = ReadAllAsync(client.ReadAllNoteAsync());
        await client.SendAsync(new Note("last", 1));
        await Task.Delay(TimeSpan.FromMilliseconds(200));

        await client.CloseAsync();

        Assert.Equal([new Note("last", 1)], await reading.WaitAsync(Generous));
    }

    [Fact]
    public async Task A_stream_ends_when_Close_cancels_a_pending_reconnect()
    {
        var options = new HttpWebSocketOptions { Reconnect = new ReconnectPolicy { InitialDelay = TimeSpan.FromMinutes(10), MaxDelay = TimeSpan.FromMinutes(10) } };
        var lost = new TaskCompletionSource<WebSocketCloseInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = new FlatEchoClient(fixture.Server.WsUri("/drop?after=1"), options);
        client.Closed += close => lost.TrySetResult(close);
        await client.OpenAsync();
        var reading = ReadAllAsync(client.ReadAllNoteAsync());

        await client.SendAsync(new Note("dropped", 1));  // the server drops the connection after it
        Assert.True((await lost.Task.WaitAsync(Generous)).WillReconnect);
        client.Close();

        Assert.Empty(await reading.WaitAsync(Generous));
    }

    [Fact]
    public async Task A_stream_ends_when_the_client_is_disposed()
    {
        var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        await client.OpenAsync();
        var reading = ReadAllAsync(client.ReadAllNoteAsync());

        await client.DisposeAsync();

        Assert.Empty(await reading.WaitAsync(Generous));
    }

    [Fact]
    public async Task Cancelling_the_token_ends_the_enumeration_with_an_operation_canceled_exception()
    {
        await using var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));
        await client.OpenAsync();
        using var cancel = new CancellationTokenSource();
        var reading = ReadAllAsync(client.ReadAllNoteAsync(cancellationToken: cancel.Token));

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading.WaitAsync(Generous));
        Assert.True(client.IsOpen);
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_setting_named()
    {
        using var client = new FlatEchoClient(fixture.Server.WsUri("/echo"));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => client.ReadAllNoteAsync(new MessageStreamOptions { Capacity = 0 }));

        Assert.Equal("Capacity", error.ParamName);
    }

    private static async Task<List<Note>> ReadAsync(IAsyncEnumerable<Note> stream, int count)
    {
        var notes = new List<Note>();
        await foreach (var note in stream)
        {
            notes.Add(note);
            if (notes.Count == count)
            {
                break;
            }
        }

        return notes;
    }

    private static async Task<List<Note>> ReadAllAsync(IAsyncEnumerable<Note> stream)
    {
        var notes = new List<Note>();
        await foreach (var note in stream)
        {
            notes.Add(note);
        }

        return notes;
    }

    private static async Task<List<Note>> ReadSlowlyAsync(IAsyncEnumerable<Note> stream, int count, TaskCompletionSource firstRead, Task gate)
    {
        var notes = new List<Note>();
        await foreach (var note in stream)
        {
            notes.Add(note);
            if (notes.Count == 1)
            {
                firstRead.SetResult();
                await gate;
            }

            if (notes.Count == count)
            {
                break;
            }
        }

        return notes;
    }
}
