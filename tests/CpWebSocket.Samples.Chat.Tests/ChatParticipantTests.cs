using System.Net.WebSockets;
using CpWebSocket.Samples.Chat.Tests.Support;
using Samples.Chat;

namespace CpWebSocket.Samples.Chat.Tests;

/// <summary>
/// A chat participant against an in-memory server played by the test: what it puts on the wire, what it waits for and
/// how it waits, what it writes to the transcript, and how a failure stops it.
/// </summary>
public sealed class ChatParticipantTests : NetworkFreeTest
{
    [Fact]
    public async Task Opening_and_joining_put_chat_join_on_the_wire_and_in_the_transcript()
    {
        await using var scene = new ChatScene();
        var (alice, peer) = await scene.ConnectAsync("alice");
        await using var _ = alice;

        await alice.SendAsync(new Join("lobby", "alice"));

        Assert.Equal(new Join("lobby", "alice"), await peer.ReceiveAsync<Join>());
        Assert.Equal(["alice  · opening", "alice  · opened", "alice  → Join { Room = lobby, User = alice }"], scene.Lines);
    }

    [Fact]
    public async Task An_expected_message_is_taken_when_it_comes_and_the_others_are_kept_for_later()
    {
        await using var scene = new ChatScene();
        var (alice, peer) = await scene.ConnectAsync("alice");
        await using var _ = alice;

        await peer.SendAsync(new Joined("lobby", "bob", 2));
        await peer.SendAsync(new Joined("lobby", "alice", 2));
        var aliceJoined = await alice.ExpectJoinedAsync("lobby", "alice");
        var bobJoined = await alice.ExpectJoinedAsync("lobby", "bob");        // arrived first, kept while alice waited

        Assert.Equal(new Joined("lobby", "alice", 2), aliceJoined);
        Assert.Equal(new Joined("lobby", "bob", 2), bobJoined);
        Assert.Equal(
            ["alice  ← Joined { Room = lobby, User = bob, Members = 2 }", "alice  ← Joined { Room = lobby, User = alice, Members = 2 }"],
            scene.Lines.Skip(2));
    }

    [Fact]
    public async Task Who_sends_the_request_and_returns_the_members_the_server_answers_with()
    {
        await using var scene = new ChatScene();
        var (alice, peer) = await scene.ConnectAsync("alice");
        await using var _ = alice;

        var asking = alice.WhoAsync(new Who("lobby"));
        var request = await peer.ReceiveRequestAsync<Who>();
        await request.ReplyAsync(new Members("lobby", ["alice", "bob"]));
        var members = await asking;

        Assert.Equal(new Who("lobby"), request.Message);
        Assert.Equal(["alice", "bob"], members.Users);
        Assert.Equal(["alice  → Who { Room = lobby }", "alice  ← Members { Room = lobby, Users = [alice, bob] }"], scene.Lines.Skip(2));
    }

    [Fact]
    public async Task A_notice_no_contract_matches_is_expected_as_unhandled()
    {
        await using var scene = new ChatScene();
        var (alice, peer) = await scene.ConnectAsync("alice");
        await using var _ = alice;

        await alice.SendTextAsync("who else is here?");
        Assert.Equal("who else is here?", (await peer.ReceiveFrameAsync()).GetText());
        await peer.SendTextAsync("""{"type":"server.notice","text":"unknown message"}""");
        var notice = await alice.ExpectUnhandledAsync("server.notice");

        Assert.Equal("""{"type":"server.notice","text":"unknown message"}""", notice.Json);
        Assert.Equal(
            ["alice  → raw text: who else is here?", """alice  ← unhandled server.notice: {"type":"server.notice","text":"unknown message"}"""],
            scene.Lines.Skip(2));
    }

    [Fact]
    public async Task A_binary_frame_goes_out_and_comes_back_on_the_raw_lane()
    {
        await using var scene = new ChatScene();
        var (bob, peer) = await scene.ConnectAsync("bob");
        await using var _ = bob;

        await bob.SendBinaryAsync([0x00, 0x01, 0xFE, 0xFF]);
        var sent = await peer.ReceiveFrameAsync();
        await peer.SendBinaryAsync((byte[])[.. "echo:"u8, .. sent.Data.Span]);
        var echoed = await bob.ExpectBinaryAsync();

        Assert.Equal((byte[])[.. "echo:"u8, 0x00, 0x01, 0xFE, 0xFF], echoed.Data);
        Assert.Equal(
            ["""bob    → raw binary, 4 bytes: 00 01 FE FF""", """bob    ← raw binary, 9 bytes: "echo:" 00 01 FE FF"""],
            scene.Lines.Skip(2));
    }

    [Fact]
    public async Task An_error_event_fails_the_step_that_waits_with_its_reason()
    {
        await using var scene = new ChatScene();
        var (alice, peer) = await scene.ConnectAsync("alice");
        await using var _ = alice;

        var waiting = alice.ExpectSaidAsync("lobby", "bob", "hi");
        await peer.SendTextAsync("""{"type":"chat.said","room":"lobby","from":"bob"}""");   // no "text"

        var failure = await Assert.ThrowsAsync<ChatSessionException>(() => waiting);
        Assert.StartsWith("alice reported an error (Deserialization): ", failure.Message, StringComparison.Ordinal);
        Assert.Contains("'text'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lost_connection_fails_the_session_and_is_written_as_lost()
    {
        await using var scene = new ChatScene();
        var (alice, peer) = await scene.ConnectAsync("alice");
        await using var _ = alice;

        // Once the session failed, its steps stop at once (a close among them): the test waits for the Closed event
        // itself, after the participant's own handler has written it down.
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        alice.Client.Closed += _ => closed.TrySetResult();
        var waiting = alice.ExpectSaidAsync("lobby", "bob", "hi");
        peer.Drop();

        var failure = await Assert.ThrowsAsync<ChatSessionException>(() => waiting);
        Assert.StartsWith("alice reported an error (ConnectionLost): ", failure.Message, StringComparison.Ordinal);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("alice  · closed: the connection was lost", scene.Lines[^1]);
    }

    [Fact]
    public async Task A_close_by_the_server_is_written_with_its_status()
    {
        await using var scene = new ChatScene();
        var (alice, peer) = await scene.ConnectAsync("alice");
        await using var _ = alice;

        await peer.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "restarting");
        await alice.CloseAsync();

        Assert.Equal("alice  · closed by the server (1001 EndpointUnavailable)", scene.Lines[^1]);
        Assert.Null(scene.Failure.Reason);
    }
}
