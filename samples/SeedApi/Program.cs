using System.Diagnostics;
using System.Threading.Channels;
using CpWebSocket;
using Samples.SeedApi;

// The seed's API, cp.websocket.http, call by call: New, Open, Send, Status, IsOpen, Close, and one callback
// for every event. "call" lines are this program's calls, "state" lines read Status and IsOpen, and "event"
// lines come from the callback as the events happen.

var timeout = TimeSpan.FromSeconds(10);
var clock = Stopwatch.StartNew();
await using var server = await EchoServer.StartAsync();

// One lock for every line. Open() and the line saying what it returned are written under it, so the Opened
// event, from another thread, is written after that line, never before it. Opening is delivered inside
// Open(), on this thread, and the lock lets it in.
var gate = new object();
void Print(string line)
{
    lock (gate)
    {
        Console.WriteLine(line);
    }
}

var opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
var failed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
var echoes = Channel.CreateUnbounded<string>();
var sent = 0;
var received = 0;

// Events are delivered one at a time, in order: Opening and Closing on the thread that called Open() or
// Close(), the others on a thread-pool thread. The message of a Message event is the received text (a binary
// frame is decoded as UTF-8); the message of an Error event says what went wrong.
var ws = HttpWebSocket.New(server.Url, (@event, message) =>
{
    Print(message is null ? $"event   {@event}" : $"event   {@event}: {message}");
    switch (@event)
    {
        case WebSocketEvent.Opened:
            opened.TrySetResult();
            break;
        case WebSocketEvent.Message:
            Interlocked.Increment(ref received);
            echoes.Writer.TryWrite(message!);
            break;
        case WebSocketEvent.Error:
            failed.TrySetResult(message ?? "an error without a message");
            break;
        case WebSocketEvent.Closed:
            closed.TrySetResult();
            break;
    }
});

try
{
    Print($"server  listening on {server.Url}");
    Print("call    New(url, callback)");
    Print($"state   Status {ws.Status}, IsOpen {ws.IsOpen}");

    // Open() never blocks: the Opening event fires inside it, it returns Opening, and Opened follows.
    lock (gate)
    {
        Print("call    Open()");
        Print($"call    Open() returned {ws.Open()}");
    }

    if (await WaitAsync(opened.Task, "the Opened event") is { } notOpened)
    {
        return Fail(notOpened);
    }

    Print($"state   Status {ws.Status}, IsOpen {ws.IsOpen}");

    // As in the seed, isData defaults to true: a binary frame. isData: false sends a text frame.
    Print("call    Send(\"hello\")");
    ws.Send("hello");
    sent++;
    if (await WaitAsync(echoes.Reader.ReadAsync().AsTask(), "the echo of the binary frame") is { } noBinaryEcho)
    {
        return Fail(noBinaryEcho);
    }

    Print("call    Send(\"hello\", isData: false)");
    ws.Send("hello", isData: false);
    sent++;
    if (await WaitAsync(echoes.Reader.ReadAsync().AsTask(), "the echo of the text frame") is { } noTextEcho)
    {
        return Fail(noTextEcho);
    }

    // Close() never blocks either: Closing fires inside it, Closed once the close handshake is done (on a fast
    // loopback that can be before Close() returns).
    Print("call    Close()");
    ws.Close();

    if (await WaitAsync(closed.Task, "the Closed event") is { } notClosed)
    {
        return Fail(notClosed);
    }

    Print($"state   Status {ws.Status}, IsOpen {ws.IsOpen}");
    Print($"summary: sent {sent}, received {Volatile.Read(ref received)}, elapsed {clock.ElapsedMilliseconds} ms");
    return 0;
}
finally
{
    await ws.DisposeAsync();
}

// Waits for what the next step needs; returns why the run fails when an Error event or 10 s come first.
async Task<string?> WaitAsync(Task expected, string what)
{
    var first = await Task.WhenAny(expected, failed.Task, Task.Delay(timeout));
    return first == expected ? null
        : first == failed.Task ? $"an Error event came instead of {what}: {await failed.Task}"
        : $"{what} did not come within {timeout.TotalSeconds:0} s.";
}

static int Fail(string reason)
{
    Console.Error.WriteLine($"seedapi: failed: {reason}");
    return 1;
}
