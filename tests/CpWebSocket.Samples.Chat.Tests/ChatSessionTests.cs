using System.Net.WebSockets;
using CpWebSocket.Samples.Chat.Tests.Support;
using CpWebSocket.Testing;
using Samples.Chat;

namespace CpWebSocket.Samples.Chat.Tests;

/// <summary>
/// The sample's scripted session, run whole against an in-memory server whose side the test plays step by step, as
/// samples/Chat's ChatServer would: the conversation, its transcript, and a failure it must report.
/// </summary>
public sealed class ChatSessionTests : NetworkFreeTest
{
    private static readonly string[] Conversation =
    [
        "hi bob!",
        "hi alice, typed messages both ways",
        "no switch on \"type\" anywhere",
        "and the raw lane is still there",
        "let's try it",
        "go ahead",
    ];

    [Fact]
    public async Task The_session_runs_through_against_the_server_the_test_plays()
    {
        await using var server = new InMemoryServer<ChatClient>();
        var output = new StringWriter();
        var transcript = new Transcript(output);

        var session = ChatSession.RunAsync(server.Url, transcript, server.Transport);
        var (alice, bob) = await JoinBothAsync(server);
        var who = await alice.ReceiveRequestAsync<Who>();
        await who.ReplyAsync(new Members("lobby", ["alice", "bob"]));
        var said = new List<string>();
        for (var i = 0; i < Conversation.Length; i++)
        {
            // chat.said goes to the other one only; each waits for it before the next line is said.
            var (speaker, listener, from) = i % 2 == 0 ? (alice, bob, "alice") : (bob, alice, "bob");
            var say = await speaker.ReceiveAsync<Say>();
            said.Add(say.Text);
            await listener.SendAsync(new Said(say.Room, from, say.Text));
        }

        var text = await alice.ReceiveFrameAsync();
        await alice.SendTextAsync("""{"type":"server.notice","text":"unknown message type"}""");
        var binary = await bob.ReceiveFrameAsync();
        await bob.SendBinaryAsync((byte[])[.. "echo:"u8, .. binary.Data.Span]);
        await session;

        Assert.Equal(Conversation, said);
        Assert.Equal("who else is here?", text.GetText());
        Assert.Equal((11, 12), (transcript.Sent, transcript.Received));
        Assert.Contains("alice  ← Members { Room = lobby, Users = [alice, bob] }", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, (await alice.ReceiveCloseAsync()).CloseStatus);   // both close at the end
        Assert.Equal(WebSocketCloseStatus.NormalClosure, (await bob.ReceiveCloseAsync()).CloseStatus);
    }

    [Fact]
    public async Task The_session_fails_when_the_members_do_not_list_both_participants()
    {
        await using var server = new InMemoryServer<ChatClient>();
        var transcript = new Transcript(TextWriter.Null);

        var session = ChatSession.RunAsync(server.Url, transcript, server.Transport);
        var (alice, _) = await JoinBothAsync(server);
        var who = await alice.ReceiveRequestAsync<Who>();
        await who.ReplyAsync(new Members("lobby", ["alice"]));

        var failure = await Assert.ThrowsAsync<ChatSessionException>(() => session);
        Assert.Equal("chat.members for lobby lists alice, not alice and bob.", failure.Message);
    }

    /// <summary>Plays the server through both joins: chat.joined to everyone in the room, the one who joined included.</summary>
    private static async Task<(TestPeer Alice, TestPeer Bob)> JoinBothAsync(InMemoryServer<ChatClient> server)
    {
        var alice = await server.AcceptAsync();                  // alice opens first, then bob
        var bob = await server.AcceptAsync();
        var aliceJoin = await alice.ReceiveAsync<Join>();
        await alice.SendAsync(new Joined(aliceJoin.Room, aliceJoin.User, 1));
        var bobJoin = await bob.ReceiveAsync<Join>();
        await alice.SendAsync(new Joined(bobJoin.Room, bobJoin.User, 2));
        await bob.SendAsync(new Joined(bobJoin.Room, bobJoin.User, 2));
        return (alice, bob);
    }
}
