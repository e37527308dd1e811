using System.Net.WebSockets;
using CpWebSocket.Testing.Tests.Contracts.Chat;
using CpWebSocket.Testing.Tests.Contracts.HomeAssistant;
using CpWebSocket.Testing.Tests.Contracts.JsonRpc;
using CpWebSocket.Testing.Tests.Contracts.Obs;
using CpWebSocket.Testing.Tests.Contracts.Rooms;
using CpWebSocket.Testing.Tests.Support;

namespace CpWebSocket.Testing.Tests.Peers;

/// <summary>
/// Requests answered by the peer: with a result, with an error (inside the response, or the client's error response),
/// when the test chooses, by a rule on every connection, or never.
/// </summary>
public sealed class RequestTests
{
    private static readonly TimeSpan Timeout = Captured<object>.Timeout;

    [Fact]
    public async Task A_request_is_answered_with_its_id_and_the_call_returns_the_response()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        var asking = chat.WhoAsync(new Who("lobby"));
        var request = await peer.ReceiveRequestAsync<Who>();
        await request.ReplyAsync(new Members("lobby", ["alice", "bob"]));

        Assert.Equal(new Members("lobby", ["alice", "bob"]), await asking.WaitAsync(Timeout));
        Assert.Equal((1, new Who("lobby")), (request.Id, request.Message));
        Assert.Equal("""{"type":"chat.members","id":1,"room":"lobby","users":["alice","bob"]}""", peer.Exchanged[^1].GetText());
    }

    [Fact]
    public async Task A_request_waits_until_the_test_answers_it()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        var first = chat.WhoAsync(new Who("lobby"));
        var second = chat.WhoAsync(new Who("kitchen"));
        var lobby = await peer.ReceiveRequestAsync<Who>();
        var kitchen = await peer.ReceiveRequestAsync<Who>();
        await kitchen.ReplyAsync(new Members("kitchen", ["carol"]));
        var kitchenMembers = await second.WaitAsync(Timeout);

        Assert.False(first.IsCompleted);   // held by the test: nothing else can complete it
        await lobby.ReplyAsync(new Members("lobby", ["alice"]));
        Assert.Equal(new Members("lobby", ["alice"]), await first.WaitAsync(Timeout));
        Assert.Equal(new Members("kitchen", ["carol"]), kitchenMembers);
    }

    [Fact]
    public async Task An_answer_rule_answers_every_request_on_every_connection_and_keeps_it_from_the_receives()
    {
        await using var server = new InMemoryServer<ChatClient>();
        server.Answer<Who, Members>(who => new Members(who.Room, ["alice", "bob"]));
        await using var alice = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await using var bob = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await alice.OpenAsync();
        await bob.OpenAsync();

        var fromAlice = await alice.WhoAsync(new Who("lobby")).WaitAsync(Timeout);
        var fromBob = await bob.WhoAsync(new Who("kitchen")).WaitAsync(Timeout);
        await alice.SendAsync(new Say("lobby", "thanks"));

        Assert.Equal(new Members("lobby", ["alice", "bob"]), fromAlice);
        Assert.Equal(new Members("kitchen", ["alice", "bob"]), fromBob);
        var alicePeer = await server.AcceptAsync();
        Assert.Equal(new Say("lobby", "thanks"), await alicePeer.ReceiveAsync<Say>());   // the request was answered, not queued
        Assert.Equal(2, server.Peers.Count);
    }

    [Fact]
    public async Task An_answer_rule_answers_when_its_task_completes()
    {
        await using var server = new InMemoryServer<ChatClient>();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Answer<Who, Members>(async (who, ct) =>
        {
            asked.SetResult();
            await release.Task.WaitAsync(ct);
            return new Members(who.Room, []);
        });
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();

        var asking = chat.WhoAsync(new Who("lobby"));
        await asked.Task.WaitAsync(Timeout);
        Assert.False(asking.IsCompleted);
        release.SetResult();

        Assert.Equal(new Members("lobby", []), await asking.WaitAsync(Timeout));
    }

    [Fact]
    public async Task An_answer_rule_that_throws_fails_the_next_wait_with_its_error()
    {
        await using var server = new InMemoryServer<ChatClient>();
        server.Answer<Who, Members>(_ => throw new InvalidOperationException("no such room"));
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        _ = chat.WhoAsync(new Who("nowhere"));
        var failure = await Assert.ThrowsAsync<PeerAssertionException>(() => peer.ReceiveAsync<Say>());

        Assert.Contains("an answer failed: no such room", failure.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(failure.InnerException);
    }

    [Fact]
    public async Task A_request_never_answered_times_out_in_the_client()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport }) { DefaultRequestTimeout = TimeSpan.FromMilliseconds(200) };
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        var asking = chat.WhoAsync(new Who("lobby"));
        var request = await peer.ReceiveRequestAsync<Who>();

        var timedOut = await Assert.ThrowsAsync<WebSocketRequestTimeoutException>(() => asking.WaitAsync(Timeout));
        Assert.Equal(request.Id, timedOut.RequestId);
    }

    [Fact]
    public async Task A_request_never_answered_fails_when_the_server_closes()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        var asking = chat.WhoAsync(new Who("lobby"));
        await peer.ReceiveRequestAsync<Who>();
        await peer.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "restarting");

        var aborted = await Assert.ThrowsAsync<WebSocketRequestAbortedException>(() => asking.WaitAsync(Timeout));
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, aborted.Close?.Status);
    }

    [Fact]
    public async Task An_error_inside_the_response_fails_the_call_with_it()
    {
        await using var server = new InMemoryServer<ObsClient>();
        await using var obs = new ObsClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await obs.OpenAsync();
        var peer = await server.AcceptAsync();

        var asking = obs.SetSceneAsync(new SetScene("Missing"));
        var request = await peer.ReceiveRequestAsync<SetScene>();
        await request.ReplyAsync(new ObsResponse<object>(new RequestStatus(false, 600, "No source was found"), null));

        var refused = await Assert.ThrowsAsync<WebSocketResponseException<RequestStatus>>(() => asking.WaitAsync(Timeout));
        Assert.Equal(new RequestStatus(false, 600, "No source was found"), refused.Error);
    }

    [Fact]
    public async Task The_clients_error_response_fails_the_call_with_it()
    {
        await using var server = new InMemoryServer<RoomsClient>();
        await using var rooms = new RoomsClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await rooms.OpenAsync();
        var peer = await server.AcceptAsync();

        var asking = rooms.GetRoomsAsync(new GetRooms("lo"));
        var request = await peer.ReceiveRequestAsync<GetRooms>();
        await request.ReplyAsync(new ServerError("forbidden", "not a member"));

        var refused = await Assert.ThrowsAsync<WebSocketResponseException<ServerError>>(() => asking.WaitAsync(Timeout));
        Assert.Equal(("forbidden", "not a member"), (refused.Error.Code, refused.Error.Reason));
        Assert.Equal("""{"type":"error","id":1,"code":"forbidden","reason":"not a member"}""", peer.Exchanged[^1].GetText());
    }

    [Fact]
    public async Task A_response_without_a_discriminator_stands_at_the_root_with_the_constants_and_the_id()
    {
        await using var server = new InMemoryServer<DeribitClient>();
        server.Answer<GetTime, RpcResponse<long>>(_ => new RpcResponse<long>(1_700_000_000_000, null));
        await using var deribit = new DeribitClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await deribit.OpenAsync();

        var time = await deribit.GetTimeAsync(new GetTime()).WaitAsync(Timeout);
        var subscribing = deribit.SubscribeAsync(new Subscribe(["ticker.BTC-PERPETUAL.100ms"]));
        var peer = await server.AcceptAsync();
        var subscribe = await peer.ReceiveRequestAsync<Subscribe>();
        await subscribe.ReplyAsync(new RpcResponse<string[]>(null!, new RpcError(-32602, "Invalid params")));

        Assert.Equal(1_700_000_000_000, time);
        var refused = await Assert.ThrowsAsync<WebSocketResponseException<RpcError>>(() => subscribing.WaitAsync(Timeout));
        Assert.Equal(new RpcError(-32602, "Invalid params"), refused.Error);
        Assert.Equal(
            [
                """{"jsonrpc":"2.0","method":"public/get_time","id":1,"params":{}}""",
                """{"jsonrpc":"2.0","id":1,"result":1700000000000,"error":null}""",
                """{"jsonrpc":"2.0","method":"public/subscribe","id":2,"params":{"channels":["ticker.BTC-PERPETUAL.100ms"]}}""",
                """{"jsonrpc":"2.0","id":2,"result":null,"error":{"code":-32602,"message":"Invalid params"}}""",
            ],
            peer.Exchanged.Select(frame => frame.GetText()));
    }

    [Fact]
    public async Task A_request_that_returns_nothing_completes_with_a_result_message_of_any_result()
    {
        await using var server = new InMemoryServer<HomeAssistantClient>();
        await using var ha = new HomeAssistantClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await ha.OpenAsync();
        var peer = await server.AcceptAsync();

        var subscribing = ha.SubscribeEventsAsync(new SubscribeEvents("state_changed"));
        var subscribe = await peer.ReceiveRequestAsync<SubscribeEvents>();
        await subscribe.ReplyAsync(new HaResult<object?>(true, null, null));
        await subscribing.WaitAsync(Timeout);
        var reading = ha.GetStatesAsync(new GetStates());
        var getStates = await peer.ReceiveRequestAsync<GetStates>();
        await getStates.ReplyAsync(new HaResult<EntityState[]>(true, [new EntityState("light.kitchen", "on")], null));

        Assert.Equal([new EntityState("light.kitchen", "on")], await reading.WaitAsync(Timeout));
        Assert.Equal(
            [
                """{"type":"subscribe_events","id":1,"event_type":"state_changed"}""",
                """{"type":"result","id":1,"success":true,"result":null,"error":null}""",
                """{"type":"get_states","id":2}""",
                """{"type":"result","id":2,"success":true,"result":[{"entity_id":"light.kitchen","state":"on"}],"error":null}""",
            ],
            peer.Exchanged.Select(frame => frame.GetText()));
    }

    [Fact]
    public async Task A_message_without_a_request_id_fails_the_request_receive()
    {
        await using var server = new InMemoryServer<ChatClient>();
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();

        await chat.SendAsync("""{"type":"chat.who","room":"lobby"}""", isData: false);

        var failure = await Assert.ThrowsAsync<PeerAssertionException>(() => peer.ReceiveRequestAsync<Who>());
        Assert.Contains("""expected a "chat.who" request (Who), but its request id 'id' is missing""", failure.Message, StringComparison.Ordinal);
    }
}
