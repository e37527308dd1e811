// A test project that references the CpWebSocket.Testing package alone, built and run for one target framework from a
// local folder feed by tests/PackageSmoke/run.sh: the package README's test, then a check that the project got the
// packages' builds for its own target.
using System.Reflection;
using System.Runtime.Versioning;
using CpWebSocket;
using CpWebSocket.Testing;

namespace PackageSmoke.Testing;

public sealed class ChatTests
{
    // The package README's test (src/Testing/README.md), line for line.
    [Fact]
    public async Task Sends_say_and_handles_said()
    {
        await using var server = new InMemoryServer<ChatClient>();                    // no socket, no port
        await using var chat = new ChatClient(server.Url, new HttpWebSocketOptions { Transport = server.Transport });
        var said = new TaskCompletionSource<Said>(TaskCreationOptions.RunContinuationsAsynchronously);
        chat.SaidReceived += said.SetResult;
        await chat.OpenAsync();
        var peer = await server.AcceptAsync();                                        // the server's end of the connection

        await chat.SendAsync(new Say("lobby", "hi"));
        Say say = await peer.ReceiveAsync<Say>();                                     // the next message must be a chat.say
        await peer.SendAsync(new Said("lobby", "bob", "hey"));                        // as the server would send it

        Assert.Equal(new Say("lobby", "hi"), say);
        Assert.Equal(new Said("lobby", "bob", "hey"), await said.Task.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public void The_project_gets_the_packages_builds_for_its_own_target()
    {
        var projectTarget = typeof(ChatTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;

        Assert.Equal(projectTarget, typeof(InMemoryServer<>).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
        Assert.Equal(projectTarget, typeof(HttpWebSocket).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
        Assert.Equal(new FrameworkName(projectTarget!).Version.Major, Environment.Version.Major);
    }
}

[Message("chat.say")]
public sealed record Say(string Room, string Text);

[Message("chat.said")]
public sealed record Said(string Room, string From, string Text);

[WebSocketClient]
[Sends(typeof(Say))]
[Receives(typeof(Said))]
public sealed partial class ChatClient;
