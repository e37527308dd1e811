namespace CpWebSocket.Testing.Tests.Contracts.Chat;

// Flat messages with string discriminators, and a request answered by a message of its own type:
// {"type":"chat.say","room":"lobby","text":"hi"}, {"type":"chat.who","id":1,"room":"lobby"} answered by {"type":"chat.members","id":1,...}.

[Message("chat.join")] public sealed record Join(string Room, string User);
[Message("chat.joined")] public sealed record Joined(string Room, string User, int Members);
[Message("chat.say")] public sealed record Say(string Room, string Text);
[Message("chat.said")] public sealed record Said(string Room, string From, string Text);
[Message("chat.who")] public sealed record Who(string Room);

[Message("chat.members")]
public sealed record Members(string Room, IReadOnlyList<string> Users)
{
    public bool Equals(Members? other) => other is not null && Room == other.Room && Users.SequenceEqual(other.Users);

    public override int GetHashCode() => Room.GetHashCode(StringComparison.Ordinal);
}

[WebSocketClient(RequestIdProperty = "id")]
[Sends(typeof(Join))]
[Sends(typeof(Say))]
[Sends(typeof(Who), Returns = typeof(Members))]
[Receives(typeof(Joined))]
[Receives(typeof(Said))]
public sealed partial class ChatClient;
