using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Readme;

/// <summary>The README's seed API example, compiled and run against the echo endpoint.</summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class SeedApiExample(TestServerFixture fixture)
{
    [Fact]
    public async Task The_readme_seed_example_runs()
    {
        var url = fixture.Server.WsUri("/echo");
        var log = new List<string>();
        var echoes = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var messages = 0;

        // README: seed API (begin)
        var socket = HttpWebSocket.New(url, (evt, message) =>
        {
            log.Add($"{evt}: {message}");               // opening, opened, message, closing, closed, error
            if (evt == WebSocketEvent.Message && ++messages == 3)
            {
                echoes.TrySetResult();
            }
        });

        socket.Open();                                    // returns WebSocketStatus.Opening at once
        await socket.OpenAsync();                         // or wait for the Opened event

        socket.Send("hello as data");                     // binary frame: isData defaults to true, as in the seed
        socket.Send("hello as text", isData: false);      // text frame; invalid UTF-8 becomes U+FFFD
        await socket.SendAsync(new byte[] { 1, 2, 3 });   // awaitable: completes once the frame is written (in a burst, once it is in the next write)

        bool open = socket.IsOpen;                        // true
        WebSocketStatus status = socket.Status;           // WebSocketStatus.Open
        await echoes.Task.WaitAsync(TimeSpan.FromSeconds(30));

        socket.Close();                                   // Closing now, Closed once the handshake ends
        await socket.CloseAsync();
        // README: seed API (end)

        Assert.True(open);
        Assert.Equal(WebSocketStatus.Open, status);
        Assert.Equal(["Opening: ", "Opened: ", "Message: hello as data", "Message: hello as text"], log.Take(4));
        Assert.Equal(["Closing: ", "Closed: "], log.TakeLast(2));
    }
}
