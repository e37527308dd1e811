using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Readme;

/// <summary>The README's typed quick start, compiled and run against the echo endpoint.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class QuickStartExample(TestServerFixture fixture)
{
    [Fact]
    public async Task The_readme_typed_example_runs()
    {
        var url = fixture.Server.WsUri("/echo"); // echoes every frame: our Say comes back unhandled, the raw Said typed
        var lines = new List<string>();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Log(string line)
        {
            lines.Add(line);
            if (lines.Count == 3)
            {
                done.TrySetResult();
            }
        }

        // README: typed client (begin)
        await using var chat = new ChatClient(url);
        chat.SaidReceived += m => Log($"{m.From}: {m.Text}");              // typed handler
        chat.OnSaid(async (m, ct) => await Task.Yield());                   // or an async one; the next message waits
        chat.Unhandled += u => Log($"no contract for {u.Discriminator}");   // well-formed JSON, unknown "type"
        chat.Error += e => Log($"{e.Kind}: {e.Message}");                  // bad JSON, handler faults, transport errors
        chat.MessageReceived += raw => { /* every frame, text or binary, exact bytes */ };

        await chat.OpenAsync();
        await chat.SendAsync(new Say("lobby", "hi"));                       // {"type":"chat.say","room":"lobby","text":"hi"}
        chat.Send("""{"type":"chat.said","room":"lobby","from":"bob","text":"hey"}""", isData: false); // raw lane
        chat.Send("not json", isData: false);                               // reaches Error as InvalidJson
        // README: typed client (end)

        await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("no contract for chat.say", lines[0]);
        Assert.Equal("bob: hey", lines[1]);
        Assert.StartsWith("InvalidJson: ", lines[2], StringComparison.Ordinal);
        Assert.True(chat.IsOpen);
    }
}
