namespace CpWebSocket.Testing.Tests.Readme;

// README: testing (the app's logic under test)
public sealed class Greeter(LobbyClient lobby, string me)
{
    public IDisposable Start() => lobby.OnJoined((joined, ct) =>
        joined.User == me ? default : lobby.SendAsync(new Say(joined.Room, $"welcome, {joined.User}!"), ct));

    public async Task<string> WhoIsInAsync(string room, CancellationToken ct = default) =>
        string.Join(", ", (await lobby.WhoAsync(new Who(room), ct)).Users);
}
