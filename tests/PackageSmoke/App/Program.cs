// A consumer of the CpWebSocket package alone: a contract, a generated client, one typed round trip
// against a loopback echo server. Built from a local folder feed by tests/PackageSmoke/run.sh.
using System.Net.WebSockets;
using CpWebSocket;

var builder = WebApplication.CreateSlimBuilder(args);
builder.WebHost.UseUrls("http://127.0.0.1:0");
builder.Logging.ClearProviders();
var app = builder.Build();
app.UseWebSockets();
app.Map("/echo", async context =>
{
    using var socket = await context.WebSockets.AcceptWebSocketAsync();
    var buffer = new byte[64 * 1024];
    while (true)
    {
        var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
        if (received.MessageType == WebSocketMessageType.Close)
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, context.RequestAborted);
            return;
        }

        await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
    }
});
await app.StartAsync();

var url = new Uri(app.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + "/echo");
await using var client = new PingClient(url);
var pong = new TaskCompletionSource<Ping>(TaskCreationOptions.RunContinuationsAsynchronously);
client.PingReceived += ping => pong.TrySetResult(ping);
await client.OpenAsync();
await client.SendAsync(new Ping(42, "from the package"));
var echoed = await pong.Task.WaitAsync(TimeSpan.FromSeconds(30));
await client.CloseAsync();
await app.StopAsync();

if (echoed != new Ping(42, "from the package"))
{
    Console.Error.WriteLine($"package smoke: unexpected echo {echoed}");
    return 1;
}

Console.WriteLine($"package smoke: ok ({echoed})");
return 0;

[Message("ping")]
public sealed record Ping(int Id, string Text);

[WebSocketClient]
[Sends(typeof(Ping))]
[Receives(typeof(Ping))]
public sealed partial class PingClient;
