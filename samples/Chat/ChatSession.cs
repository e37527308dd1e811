using CpWebSocket.Transport;

namespace Samples.Chat;

/// <summary>
/// The scripted conversation: two clients join a room, talk, try the raw lane, and close. Every step waits
/// for its answer, so the transcript reads in order and a missing answer fails the run.
/// </summary>
internal static class ChatSession
{
    private const string Room = "lobby";

    private static readonly (string From, string Text)[] Conversation =
    [
        ("alice", "hi bob!"),
        ("bob", "hi alice, typed messages both ways"),
        ("alice", "no switch on \"type\" anywhere"),
        ("bob", "and the raw lane is still there"),
        ("alice", "let's try it"),
        ("bob", "go ahead"),
    ];

    /// <param name="url">The chat server.</param>
    /// <param name="transcript">Where the run is written.</param>
    /// <param name="transport">Opens the connections; <see langword="null"/> for the default, over the network.</param>
    public static async Task RunAsync(Uri url, Transcript transcript, WebSocketTransport? transport = null)
    {
        using var failure = new SessionFailure();
        await using var alice = new ChatParticipant("alice", url, transcript, failure, transport);
        await using var bob = new ChatParticipant("bob", url, transcript, failure, transport);

        await alice.OpenAsync();
        await bob.OpenAsync();

        // chat.joined goes to everyone in the room, the one who joined included.
        await alice.SendAsync(new Join(Room, alice.Name));
        await alice.ExpectJoinedAsync(Room, alice.Name);
        await bob.SendAsync(new Join(Room, bob.Name));
        await Task.WhenAll(alice.ExpectJoinedAsync(Room, bob.Name), bob.ExpectJoinedAsync(Room, bob.Name));

        // A request: WhoAsync writes a new id into chat.who and completes with the chat.members that carries it back.
        var members = await alice.WhoAsync(new Who(Room));
        if (!members.Users.Contains(alice.Name) || !members.Users.Contains(bob.Name))
        {
            throw new ChatSessionException($"chat.members for {Room} lists {string.Join(", ", members.Users)}, not alice and bob.");
        }

        // chat.said goes to the others in the room only.
        foreach (var (from, text) in Conversation)
        {
            var (speaker, listener) = from == alice.Name ? (alice, bob) : (bob, alice);
            await speaker.SendAsync(new Say(Room, text));
            await listener.ExpectSaidAsync(Room, speaker.Name, text);
        }

        // The raw lane, on the same connections: a text frame the server does not understand comes back as a
        // server.notice, which no contract of ChatClient matches; a binary frame comes back as binary.
        await alice.SendTextAsync("who else is here?");
        await alice.ExpectUnhandledAsync("server.notice");
        await bob.SendBinaryAsync([0x00, 0x01, 0xFE, 0xFF]);
        await bob.ExpectBinaryAsync();

        await alice.CloseAsync();
        await bob.CloseAsync();

        if (failure.Reason is { } reason)
        {
            throw new ChatSessionException(reason);
        }
    }
}
