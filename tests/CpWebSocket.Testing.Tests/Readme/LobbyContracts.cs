namespace CpWebSocket.Testing.Tests.Readme;

// README: testing (contracts)
[Message("chat.joined")] public sealed record Joined(string Room, string User);
[Message("chat.say")] public sealed record Say(string Room, string Text);
[Message("chat.who")] public sealed record Who(string Room);
[Message("chat.members")] public sealed record Members(string Room, IReadOnlyList<string> Users);

[WebSocketClient(RequestIdProperty = "id")]
[Receives(typeof(Joined))]
[Sends(typeof(Say))]
[Sends(typeof(Who), Returns = typeof(Members))]
public sealed partial class LobbyClient;
