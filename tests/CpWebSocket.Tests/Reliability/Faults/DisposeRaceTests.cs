using CpWebSocket.Tests.Messaging.EndToEnd;
using CpWebSocket.Tests.Server;
using CpWebSocket.Tests.Support;

namespace CpWebSocket.Tests.Reliability.Faults;

/// <summary>
/// Disposal races the connection's own work: during the opening handshake, during the close handshake, and during a
/// send storm from many threads, with <see cref="HttpWebSocket.DisposeAsync"/> and with <see cref="HttpWebSocket.Dispose"/>,
/// on <see cref="HttpWebSocket"/> and on a generated client. No exception escapes (thrown, or left in a task nobody
/// observes), the status ends <see cref="WebSocketStatus.Closed"/>, and <see cref="WebSocketEvent.Closed"/> fires exactly once.
/// These tests run alone so the unobserved task exceptions they collect are theirs.
/// </summary>
public abstract class DisposeRaceTests : TransportTestBase, IClassFixture<TestServerFixture>
{
    private const int Senders = 4;

    private readonly TestServer _server;

    protected DisposeRaceTests(TestServerFixture fixture, TransportKind transport)
        : base(transport) => _server = fixture.Server;

    /// <summary>Disposes one way or the other; the synchronous way then waits for the Closed event it started.</summary>
    private static async Task DisposeAsync(HttpWebSocket socket, EventRecorder events, bool asynchronously)
    {
        if (asynchronously)
        {
            await socket.DisposeAsync().AsTask().WaitAsync(TestServer.DefaultTimeout);
        }
        else
        {
            socket.Dispose();
            await events.WaitForAsync(WebSocketEvent.Closed);
        }
    }

    private static void AssertClosedOnce(HttpWebSocket socket, EventRecorder events)
    {
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
        Assert.Single(events.Of(WebSocketEvent.Closed));
        Assert.False(events.Overlapped);
    }

    /// <summary>Nothing more happens once closed: no second Closed, no late event of any kind.</summary>
    private static async Task AssertStaysClosedAsync(HttpWebSocket socket, EventRecorder events)
    {
        var count = events.Events.Count;
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(count, events.Events.Count);
        Assert.Equal(WebSocketStatus.Closed, socket.Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Disposing_during_a_handshake_that_hangs_ends_Closed_once(bool asynchronously)
    {
        using var unobserved = UnobservedTaskExceptions.Start();
        using var peer = new SilentTcpPeer();
        var events = new EventRecorder();
        var socket = new HttpWebSocket(peer.WsUri, events.Callback, Options());
        events.Socket = socket;
        var opening = socket.OpenAsync();

        await DisposeAsync(socket, events, asynchronously);

        AssertClosedOnce(socket, events);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Closed], events.Kinds);
        await Assert.ThrowsAsync<WebSocketConnectException>(() => opening.WaitAsync(TestServer.DefaultTimeout));
        await AssertStaysClosedAsync(socket, events);
        Assert.Empty(await unobserved.CollectAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Disposing_right_after_Open_against_a_live_server_ends_Closed_once_whatever_the_handshake_reached(bool asynchronously)
    {
        using var unobserved = UnobservedTaskExceptions.Start();
        var tag = Guid.NewGuid().ToString("N");
        for (var round = 0; round < 20; round++)
        {
            var events = new EventRecorder();
            var socket = new HttpWebSocket(_server.WsUri($"/echo?tag={tag}"), events.Callback, Options());
            events.Socket = socket;
            socket.Open();
            if (round % 2 == 1)
            {
                await Task.Delay(round); // let the handshake get a little further every other round
            }

            await DisposeAsync(socket, events, asynchronously);

            AssertClosedOnce(socket, events);
            Assert.Equal(WebSocketEvent.Closed, events.Kinds[^1]);
            Assert.DoesNotContain(events.Of(WebSocketEvent.Error), e => e.Error!.Kind != WebSocketErrorKind.Connect);
        }

        // Every connection the server saw was let go of: none was left open behind the disposed client.
        foreach (var connection in _server.Events.Connections.Where(c => c.Tag == tag))
        {
            await connection.WaitForCompletionAsync(TestServer.DefaultTimeout);
        }

        Assert.Empty(await unobserved.CollectAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Disposing_during_a_close_handshake_ends_Closed_once(bool asynchronously)
    {
        using var unobserved = UnobservedTaskExceptions.Start();
        var events = new EventRecorder();
        var socket = new HttpWebSocket(_server.WsUri("/silent-close"), events.Callback, Options(new HttpWebSocketOptions { CloseTimeout = TimeSpan.FromSeconds(1) }));
        events.Socket = socket;
        await socket.OpenAsync();

        socket.Close();
        Assert.Equal(WebSocketStatus.Closing, socket.Status);
        await DisposeAsync(socket, events, asynchronously);

        AssertClosedOnce(socket, events);
        Assert.Equal([WebSocketEvent.Opening, WebSocketEvent.Opened, WebSocketEvent.Closing, WebSocketEvent.Closed], events.Kinds);
        await AssertStaysClosedAsync(socket, events);
        Assert.Empty(await unobserved.CollectAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Disposing_during_a_send_storm_from_many_threads_ends_Closed_once_and_nothing_escapes(bool asynchronously)
    {
        using var unobserved = UnobservedTaskExceptions.Start();
        var events = new EventRecorder();
        var socket = new HttpWebSocket(_server.WsUri("/echo"), events.Callback, Options());
        events.Socket = socket;
        await socket.OpenAsync();
        using var stop = new CancellationTokenSource();
        var started = new CountdownEvent(Senders);

        var storm = Enumerable.Range(0, Senders).Select(sender => Task.Factory.StartNew(
            () => Storm(socket, sender, started, stop.Token),
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap()).ToArray();
        Assert.True(started.Wait(TestServer.DefaultTimeout));
        await events.WaitForAsync(WebSocketEvent.Message, 20);

        await DisposeAsync(socket, events, asynchronously);
        await stop.CancelAsync();
        var escaped = (await Task.WhenAll(storm).WaitAsync(TestServer.DefaultTimeout)).SelectMany(e => e).ToArray();

        Assert.Empty(escaped);
        AssertClosedOnce(socket, events);
        Assert.Equal(WebSocketEvent.Closing, events.Kinds.Last(k => k is not (WebSocketEvent.Message or WebSocketEvent.Error or WebSocketEvent.Closed)));
        // Sends after the close began are reported as not sent; echoes still arriving while closing, as not delivered.
        Assert.All(events.Of(WebSocketEvent.Error), e => Assert.Contains(e.Error!.Kind, new[] { WebSocketErrorKind.Send, WebSocketErrorKind.MessageWhileNotOpen }));
        Assert.Throws<ObjectDisposedException>(() => socket.Open());
        Assert.Empty(await unobserved.CollectAsync());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Disposing_a_generated_client_during_a_typed_send_storm_ends_Closed_once_and_nothing_escapes(bool asynchronously)
    {
        using var unobserved = UnobservedTaskExceptions.Start();
        var client = new FlatEchoClient(_server.WsUri("/echo"), Options());
        var closed = 0;
        var echoed = 0;
        var closedOnce = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Closed += _ =>
        {
            Interlocked.Increment(ref closed);
            closedOnce.TrySetResult();
        };
        client.NoteReceived += _ => Interlocked.Increment(ref echoed);
        await client.OpenAsync();
        using var stop = new CancellationTokenSource();

        var storm = Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
        {
            var escaped = new List<Exception>();
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    await client.SendAsync(new Note($"sender {sender}", i));
                }
                catch (WebSocketSendException)
                {
                    break; // expected once the connection is closing: the send is reported as not sent
                }
                catch (Exception ex)
                {
                    escaped.Add(ex);
                }
            }

            return escaped;
        })).ToArray();
        while (Volatile.Read(ref echoed) < 20)
        {
            await Task.Delay(10);
        }

        if (asynchronously)
        {
            await client.DisposeAsync().AsTask().WaitAsync(TestServer.DefaultTimeout);
        }
        else
        {
            client.Dispose();
            await closedOnce.Task.WaitAsync(TestServer.DefaultTimeout);
        }

        await stop.CancelAsync();
        var escapedAll = (await Task.WhenAll(storm).WaitAsync(TestServer.DefaultTimeout)).SelectMany(e => e).ToArray();

        Assert.Empty(escapedAll);
        Assert.Equal(WebSocketStatus.Closed, client.Status);
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(1, Volatile.Read(ref closed));
        Assert.Empty(await unobserved.CollectAsync());
    }

    /// <summary>
    /// One thread of the storm: alternates <see cref="HttpWebSocket.Send(string, bool)"/> and
    /// <see cref="HttpWebSocket.SendAsync(string, bool, CancellationToken)"/> until stopped or the connection is no longer
    /// open (each send after that would only add an Error event); returns every exception that escaped a send call other
    /// than the <see cref="WebSocketSendException"/> an awaited send reports a failure with.
    /// </summary>
    private static async Task<List<Exception>> Storm(HttpWebSocket socket, int sender, CountdownEvent started, CancellationToken stop)
    {
        var escaped = new List<Exception>();
        started.Signal();
        for (var i = 0; !stop.IsCancellationRequested && socket.Status == WebSocketStatus.Open; i++)
        {
            try
            {
                if (i % 2 == 0)
                {
                    socket.Send($"sender {sender} message {i}", isData: false);
                    await Task.Yield();
                }
                else
                {
                    await socket.SendAsync($"sender {sender} message {i}", cancellationToken: CancellationToken.None);
                }
            }
            catch (WebSocketSendException) when (i % 2 == 1)
            {
                // Expected once the connection is closing.
            }
            catch (Exception ex)
            {
                escaped.Add(ex);
            }
        }

        return escaped;
    }
}

/// <summary><see cref="DisposeRaceTests"/> over the default transport.</summary>
[Collection(IsolatedCollectionDefinition.Name)]
public sealed class DisposeRaceTestsOverSockets(TestServerFixture fixture) : DisposeRaceTests(fixture, TransportKind.Sockets);

/// <summary><see cref="DisposeRaceTests"/> over Websocket.Client.</summary>
[Collection(IsolatedCollectionDefinition.Name)]
public sealed class DisposeRaceTestsOverWebsocketClient(TestServerFixture fixture) : DisposeRaceTests(fixture, TransportKind.WebsocketClient);
