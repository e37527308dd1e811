using System.Net.WebSockets;
using CpWebSocket.Testing.Tests.Contracts.Chat;
using CpWebSocket.Testing.Tests.Support;

namespace CpWebSocket.Testing.Tests.Peers;

/// <summary>
/// The connection's life from the server's side: the client's attempt as it connected, a close handshake either way
/// and with a status, a dropped connection and the client's reconnection, an unanswered close, and the record of it all.
/// </summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task The_peer_sees_the_clients_attempt_with_its_address_and_headers()
    {
        await using var server = new InMemoryServer<ChatClient>();
        var options = new HttpWebSocketOptions { Transport = server.Transport };
        options.RequestHeaders["Authorization"] = "Bearer in-memory";
        await using var chat = new ChatClient(new Uri("ws://chat.test/rooms?v=2"), options);
        await chat.OpenAsync();

        var peer = await server.AcceptAsync();

        Assert.Equal((1, 0), (peer.Number, peer.Context.Attempt));
        Assert.Equal(new Uri("ws://chat.test/rooms?v=2"), peer.Context.Url);
        Assert.Equal("Bearer in-memory", peer.Context.RequestHeaders["Authorization"]);
    }

    [Fact]
    public async Task A_connection_is_there_to_accept_as_soon_as_the_clients_open_completes()
    {
        // No wait at all: the peer must exist when OpenAsync returns, not when its handler first runs on the thread pool.
        var now = new InMemoryServerOptions { WaitTimeout = TimeSpan.Zero };
        for (var i = 0; i < 20; i++)
        {
            await using var server = new InMemoryServer<ChatClient>(now);
            await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
            await chat.OpenAsync();

            var peer = await server.AcceptAsync();

            Assert.True(peer.IsConnected);
        }
    }

    [Fact]
    public async Task Connections_are_accepted_in_the_order_the_clients_connected()
    {
        await using var server = new InMemoryServer<ChatClient>();
        var clients = new List<ChatClient>();
        try
        {
            for (var i = 1; i <= 20; i++)
            {
                var client = new ChatClient(new Uri($"ws://chat.test/{i}"), new HttpWebSocketOptions { Transport = server.Transport });
                clients.Add(client);
                await client.OpenAsync();
            }

            for (var i = 1; i <= 20; i++)
            {
                var peer = await server.AcceptAsync();
                Assert.Equal((i, new Uri($"ws://chat.test/{i}")), (peer.Number, peer.Context.Url));
            }
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_close_from_the_peer_reaches_the_client_with_its_status_and_reason()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var closed = new Captured<WebSocketCloseInfo>();
        chat.Closed += closed.Add;
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await peer.CloseAsync(WebSocketCloseStatus.PolicyViolation, "banned");

        var close = await closed.NextAsync();
        Assert.Equal((WebSocketCloseStatus.PolicyViolation, "banned", true), (close.Status, close.Description, close.ByPeer));
        Assert.False(peer.IsConnected);
        var answer = await peer.ReceiveCloseAsync();
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, answer.CloseStatus);   // the client answered with the same status
    }

    [Fact]
    public async Task A_close_from_the_client_is_answered_and_ends_the_connection()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await chat.SendAsync(new Say("lobby", "bye"));
        await chat.CloseAsync().WaitAsync(Captured<object>.Timeout);
        await peer.WaitForEndAsync();

        Assert.Equal(WebSocketStatus.Closed, chat.Status);
        Assert.Equal(
            [
                (PeerDirection.FromClient, PeerFrameKind.Text),
                (PeerDirection.FromClient, PeerFrameKind.Close),
                (PeerDirection.ToClient, PeerFrameKind.Close),
            ],
            peer.Exchanged.Select(frame => (frame.Direction, frame.Kind)));
        Assert.Equal(new Say("lobby", "bye"), await peer.ReceiveAsync<Say>());          // what came before the close is still there
        Assert.Equal(WebSocketCloseStatus.NormalClosure, (await peer.ReceiveCloseAsync()).CloseStatus);
    }

    [Fact]
    public async Task A_dropped_connection_is_lost_to_the_client_which_reconnects_to_a_new_peer()
    {
        await using var server = new InMemoryServer<ChatClient>();
        var options = new HttpWebSocketOptions
        {
            Transport = server.Transport,
            Reconnect = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10), Jitter = 0 },
        };
        await using var chat = new ChatClient(server.Url, options);
        var closed = new Captured<WebSocketCloseInfo>();
        var errors = new Captured<WebSocketErrorKind>();
        var opened = new Captured<bool>();
        chat.Closed += closed.Add;
        chat.Error += error => errors.Add(error.Kind);
        chat.Opened += () => opened.Add(true);
        await chat.OpenAsync();
        await opened.NextAsync();
        var first = await server.AcceptAsync();

        first.Drop();
        var second = await server.AcceptAsync();
        await opened.NextAsync();
        await chat.SendAsync(new Say("lobby", "back"));

        Assert.Equal(WebSocketErrorKind.ConnectionLost, await errors.NextAsync());
        var lost = await closed.NextAsync();
        Assert.True(lost.WillReconnect);
        Assert.Null(lost.Status);
        Assert.Equal((2, 1), (second.Number, second.Context.Attempt));
        Assert.Equal(new Say("lobby", "back"), await second.ReceiveAsync<Say>());
        Assert.False(first.IsConnected);
        await Assert.ThrowsAsync<PeerAssertionException>(() => first.SendAsync(new Said("lobby", "bob", "too late")));
    }

    [Fact]
    public async Task An_unanswered_close_leaves_the_client_to_give_up_after_its_close_timeout()
    {
        await using var server = new InMemoryServer<ChatClient>(new InMemoryServerOptions { AnswerClose = false });
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport, CloseTimeout = TimeSpan.FromMilliseconds(100) });
        var closed = new Captured<WebSocketCloseInfo>();
        chat.Closed += closed.Add;
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await chat.CloseAsync().WaitAsync(Captured<object>.Timeout);

        Assert.Equal(WebSocketStatus.Closed, chat.Status);
        await closed.NextAsync();
        var close = Assert.Single(peer.Exchanged);
        Assert.Equal((PeerDirection.FromClient, PeerFrameKind.Close), (close.Direction, close.Kind));
    }
}
