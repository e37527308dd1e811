// A consumer of the CpWebSocket package alone, built for one target framework from a local folder feed by
// tests/PackageSmoke/run.sh: the package README's example against a loopback echo server, then checks that the app
// got the package's build for its own target and runs on that runtime.
using System.Net.WebSockets;
using System.Reflection;
using System.Runtime.Versioning;
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
var echoedSay = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
var typedSaid = new TaskCompletionSource<Said>(TaskCreationOptions.RunContinuationsAsynchronously);
var errors = new List<string>();

// The package README's example (src/Runtime/PACKAGE.md), line for line.
await using var chat = new ChatClient(url);
chat.SaidReceived += said => Console.WriteLine($"{said.From}: {said.Text}");
chat.SaidReceived += said => typedSaid.TrySetResult(said);
chat.Unhandled += message => Console.WriteLine($"no contract for {message.Discriminator}");
chat.Unhandled += message => echoedSay.TrySetResult(message.GetText());
chat.Error += error => Console.WriteLine($"{error.Kind}: {error.Message}");
chat.Error += error => errors.Add($"{error.Kind}: {error.Message}");

await chat.OpenAsync();                        // handlers first: messages are delivered from here on
await chat.SendAsync(new Say("lobby", "hi"));  // {"type":"chat.say","room":"lobby","text":"hi"}

// The echo server sends our Say back (a contract this client does not receive: Unhandled), then a raw Said.
var echoed = await echoedSay.Task.WaitAsync(TimeSpan.FromSeconds(30));
chat.Send("""{"type":"chat.said","room":"lobby","from":"bob","text":"hey"}""", isData: false);
var said = await typedSaid.Task.WaitAsync(TimeSpan.FromSeconds(30));
await chat.CloseAsync();
await app.StopAsync();

var failures = new List<string>();
if (echoed != """{"type":"chat.say","room":"lobby","text":"hi"}""")
{
    failures.Add($"the typed send went out as {echoed}");
}

if (said != new Said("lobby", "bob", "hey"))
{
    failures.Add($"the typed handler got {said}");
}

failures.AddRange(errors);

// The app's target picks the package's build: a net9.0 app gets lib/net9.0, where KeepAliveTimeout works.
var appTarget = Assembly.GetEntryAssembly()?.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
var packageTarget = typeof(HttpWebSocket).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
if (appTarget is null || appTarget != packageTarget)
{
    failures.Add($"an app for {appTarget} got the package's build for {packageTarget}");
}

if (appTarget is not null && new FrameworkName(appTarget).Version.Major != Environment.Version.Major)
{
    failures.Add($"an app for {appTarget} runs on .NET {Environment.Version}");
}

var logging = typeof(Microsoft.Extensions.Logging.ILogger).Assembly.GetName();
Console.WriteLine($"package smoke: {appTarget} on .NET {Environment.Version}, CpWebSocket's build for {packageTarget}, {logging.Name} {logging.Version}");
foreach (var failure in failures)
{
    Console.Error.WriteLine($"package smoke: {failure}");
}

return failures.Count == 0 ? 0 : 1;

[Message("chat.say")]
public sealed record Say(string Room, string Text);

[Message("chat.said")]
public sealed record Said(string Room, string From, string Text);

[WebSocketClient]                      // envelope: {"type":"chat.say", ...the record's properties in camelCase}
[Sends(typeof(Say))]
[Receives(typeof(Said))]
public sealed partial class ChatClient;
