namespace CpWebSocket.Testing.Tests.Readme;

/// <summary>The README's "Testing your app" blocks, compiled and run.</summary>
public sealed class TestingReadmeExample
{
    // README: testing (a complete test)
    [Fact]
    public async Task Welcomes_whoever_joins()
    {
        await using var server = new InMemoryServer<LobbyClient>();                   // no socket, no port
        await using var lobby = new LobbyClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        using var greeter = new Greeter(lobby, me: "alice").Start();
        await lobby.OpenAsync();
        var peer = await server.AcceptAsync();                                        // the server's end of the connection

        await peer.SendAsync(new Joined("lobby", "bob"));                             // as the server would send it
        Say welcome = await peer.ReceiveAsync<Say>();                                 // the next message must be a chat.say

        Assert.Equal(new Say("lobby", "welcome, bob!"), welcome);
    }

    [Fact]
    public async Task Answers_a_request_when_the_test_says()
    {
        await using var server = new InMemoryServer<LobbyClient>();
        await using var lobby = new LobbyClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var greeter = new Greeter(lobby, me: "alice");
        await lobby.OpenAsync();
        var peer = await server.AcceptAsync();

        // README: testing (requests)
        var asking = greeter.WhoIsInAsync("lobby");
        var who = await peer.ReceiveRequestAsync<Who>();                              // the request, with its id
        await who.ReplyAsync(new Members("lobby", ["alice", "bob"]));                 // written with the same id

        Assert.Equal("alice, bob", await asking);
    }

    [Fact]
    public async Task Answers_every_request_by_a_rule_and_reconnects_after_a_drop()
    {
        await using var server = new InMemoryServer<LobbyClient>();
        var options = new HttpWebSocketOptions
        {
            Transport = server.Transport,
            Reconnect = new ReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(10) },
        };
        await using var lobby = new LobbyClient(server.Url, options);
        var greeter = new Greeter(lobby, me: "alice");
        var reopened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await lobby.OpenAsync();
        lobby.Opened += reopened.SetResult;

        // README: testing (rules and reconnection)
        server.Answer<Who, Members>(who => new Members(who.Room, ["alice"]));         // every chat.who, on every connection
        var peer = await server.AcceptAsync();
        peer.Drop();                                                                  // as a lost network: no close frame
        var again = await server.AcceptAsync();                                       // the client's reconnection

        await reopened.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("alice", await greeter.WhoIsInAsync("lobby"));
        Assert.Equal(1, again.Context.Attempt);
    }
}
