using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Readme;

/// <summary>The README's reconnect example, compiled and run against an endpoint that drops the first connection.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class ReconnectExample(TestServerFixture fixture)
{
    [Fact]
    public async Task The_readme_reconnect_example_runs()
    {
        var url = fixture.Server.WsUri($"/drop?after=1&tag={Guid.NewGuid():N}"); // drops the TCP connection after one message
        var lines = new List<string>();
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Log(string line)
        {
            lines.Add(line);
            if (lines.Count == 3)
            {
                reconnected.TrySetResult();
            }
        }

        // README: reconnect (begin)
        var options = new HttpWebSocketOptions
        {
            Reconnect = new ReconnectPolicy { MaxAttempts = 10, MaxDelay = TimeSpan.FromSeconds(30) },   // from 0.5 s, doubling, with jitter
        };
        await using var chat = new ChatClient(url, options);
        chat.Opened += () => Log("connected");                      // after every connect: send what the server must hear first
        chat.Closed += close => Log(close.WillReconnect ? "lost, reconnecting" : "closed for good");

        await chat.OpenAsync();
        // README: reconnect (end)

        await chat.SendAsync(new Say("lobby", "hi"));
        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(["connected", "lost, reconnecting", "connected"], lines);
        Assert.True(chat.IsOpen);
    }
}
