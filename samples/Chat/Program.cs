using System.Diagnostics;
using System.Text;
using Samples.Chat;

// The README's main command: dotnet run --project samples/Chat

const string Usage = """
    Usage: dotnet run --project samples/Chat [-- --url ws://host:port/path]
           (the Native AOT build of samples/AotChat takes the same options)

    Starts a chat server on 127.0.0.1 (a free port), connects two typed clients, alice and bob,
    lets them join a room, talk, send a raw text and a raw binary frame, and close, printing a
    transcript: · lifecycle, → sent, ← received. Ends with a "summary:" line.

    Options:
      --url <ws-url>  Talk to an external server speaking the same chat protocol (see ChatServer.cs)
                      instead of starting the embedded one.
      -h, --help      Show this help.

    Exit code: 0 when the whole conversation went through; 1 when something failed (connect,
    an expected message not arriving within 10 s, an error event); 2 for bad arguments.
    """;

Console.OutputEncoding = Encoding.UTF8;
var clock = Stopwatch.StartNew();

Uri? externalUrl = null;
for (var i = 0; i < args.Length; i++)
{
    var argument = args[i];
    if (argument is "-h" or "--help" or "-?")
    {
        Console.WriteLine(Usage);
        return 0;
    }

    string? value = argument == "--url" && i + 1 < args.Length ? args[++i]
        : argument.StartsWith("--url=", StringComparison.Ordinal) ? argument["--url=".Length..]
        : null;
    if (value is null)
    {
        return UsageError($"unknown argument '{argument}'.");
    }

    if (!Uri.TryCreate(value, UriKind.Absolute, out externalUrl) || externalUrl.Scheme is not ("ws" or "wss"))
    {
        return UsageError($"'{value}' is not a ws:// or wss:// URL.");
    }
}

var transcript = new Transcript(Console.Out);
ChatServer? server = null;
try
{
    Uri url;
    if (externalUrl is null)
    {
        server = await ChatServer.StartAsync();
        url = server.Url;
        transcript.Note("server", $"listening on {url}");
    }
    else
    {
        url = externalUrl;
        transcript.Note("server", $"external, at {url}");
    }

    await ChatSession.RunAsync(url, transcript);
    transcript.Line($"summary: sent {transcript.Sent}, received {transcript.Received}, elapsed {clock.ElapsedMilliseconds} ms");
    return 0;
}
catch (ChatSessionException ex)
{
    await Console.Error.WriteLineAsync($"chat: failed: {ex.Message}");
    return 1;
}
catch (IOException ex)
{
    // Kestrel could not listen on 127.0.0.1.
    await Console.Error.WriteLineAsync($"chat: failed: the embedded server did not start: {ex.Message}");
    return 1;
}
finally
{
    if (server is not null)
    {
        await server.DisposeAsync();
    }
}

static int UsageError(string message)
{
    Console.Error.WriteLine($"chat: {message} Run with --help for usage.");
    return 2;
}
