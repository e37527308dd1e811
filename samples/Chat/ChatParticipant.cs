using System.Globalization;
using System.Text;
using CpWebSocket;
using CpWebSocket.Transport;

namespace Samples.Chat;

/// <summary>
/// One named <see cref="ChatClient"/> in the session: it writes every event to the transcript, keeps what it
/// receives in an <see cref="Inbox"/>, and turns errors and timeouts into a <see cref="ChatSessionException"/>.
/// </summary>
internal sealed class ChatParticipant : IAsyncDisposable
{
    /// <summary>How long any one step may take: generous, so a slow machine is not a failure.</summary>
    public static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(10);

    private readonly Transcript _transcript;
    private readonly SessionFailure _failure;
    private readonly Inbox _inbox = new();
    private readonly TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <param name="transport">Opens the connection; <see langword="null"/> for the default, over the network.</param>
    public ChatParticipant(string name, Uri url, Transcript transcript, SessionFailure failure, WebSocketTransport? transport = null)
    {
        Name = name;
        _transcript = transcript;
        _failure = failure;
        Client = new ChatClient(url, new HttpWebSocketOptions { ConnectTimeout = StepTimeout, Transport = transport });

        // Lifecycle, as in cp.websocket.http: each event fires once per status change.
        Client.Opening += () => transcript.Note(name, "opening");
        Client.Opened += () =>
        {
            transcript.Note(name, "opened");
            _opened.TrySetResult();
        };
        Client.Closing += () => transcript.Note(name, "closing");
        Client.Closed += close =>
        {
            transcript.Note(name, Describe(close));
            _closed.TrySetResult();
        };
        Client.Error += error => failure.Fail($"{name} reported an error ({error.Kind}): {error.Message}");

        // Typed handlers: the generated client has already matched "type" and deserialized the payload.
        Client.JoinedReceived += joined => Receive(joined);
        Client.SaidReceived += said => Receive(said);

        // Well-formed JSON whose "type" no [Receives] contract matches.
        Client.Unhandled += message =>
        {
            var type = message.Discriminator.ToString();
            var json = message.GetText();
            transcript.In(name, $"unhandled {type}: {json}");
            _inbox.Add(new UnhandledReceived(type, json));
        };

        // The raw lane sees every frame. Text frames are shown above, typed or unhandled, so only binary ones here.
        Client.MessageReceived += message =>
        {
            if (!message.IsText)
            {
                var data = message.Data.ToArray(); // the bytes are only valid during this handler
                transcript.In(name, $"raw binary, {data.Length} bytes: {DescribeBytes(data)}");
                _inbox.Add(new BinaryReceived(data));
            }
        };
    }

    public string Name { get; }

    public ChatClient Client { get; }

    public Task OpenAsync() => StepAsync("did not open", async cancellationToken =>
    {
        await Client.OpenAsync(cancellationToken);

        // OpenAsync completes as the status turns Open; wait for the Opened event too, so it is in the transcript.
        await _opened.Task.WaitAsync(cancellationToken);
    });

    public Task SendAsync(Join message) => StepAsync("could not send chat.join", cancellationToken =>
    {
        _transcript.Out(Name, message.ToString());
        return Client.SendAsync(message, cancellationToken).AsTask();
    });

    public Task SendAsync(Say message) => StepAsync("could not send chat.say", cancellationToken =>
    {
        _transcript.Out(Name, message.ToString());
        return Client.SendAsync(message, cancellationToken).AsTask();
    });

    /// <summary>Sends the chat.who request and awaits its answer: the generated method matches it by its id.</summary>
    public Task<Members> WhoAsync(Who request) => StepAsync("got no answer to chat.who", async cancellationToken =>
    {
        _transcript.Out(Name, request.ToString());
        var members = await Client.WhoAsync(request, cancellationToken);
        _transcript.In(Name, members.ToString());
        return members;
    });

    /// <summary>Sends a text frame on the raw lane, bypassing the contracts.</summary>
    public Task SendTextAsync(string text) => StepAsync("could not send a raw text frame", cancellationToken =>
    {
        _transcript.Out(Name, $"raw text: {text}");
        return Client.SendAsync(text, isData: false, cancellationToken).AsTask();
    });

    /// <summary>Sends a binary frame on the raw lane.</summary>
    public Task SendBinaryAsync(byte[] data) => StepAsync("could not send a raw binary frame", cancellationToken =>
    {
        _transcript.Out(Name, $"raw binary, {data.Length} bytes: {DescribeBytes(data)}");
        return Client.SendAsync(data, isData: true, cancellationToken).AsTask();
    });

    public Task<Joined> ExpectJoinedAsync(string room, string user) =>
        ExpectAsync<Joined>(joined => joined.Room == room && joined.User == user, $"chat.joined for {user} in {room}");

    public Task<Said> ExpectSaidAsync(string room, string from, string text) =>
        ExpectAsync<Said>(said => said.Room == room && said.From == from && said.Text == text, $"chat.said from {from}: \"{text}\"");

    public Task<UnhandledReceived> ExpectUnhandledAsync(string type) =>
        ExpectAsync<UnhandledReceived>(message => message.Type == type, $"an unhandled {type}");

    public Task<BinaryReceived> ExpectBinaryAsync() =>
        ExpectAsync<BinaryReceived>(static _ => true, "a binary frame");

    public Task CloseAsync() => StepAsync("did not close", async cancellationToken =>
    {
        await Client.CloseAsync(cancellationToken);
        await _closed.Task.WaitAsync(cancellationToken);
    });

    public ValueTask DisposeAsync() => Client.DisposeAsync();

    private Task<T> ExpectAsync<T>(Func<T, bool> match, string description) =>
        StepAsync($"received no {description}", cancellationToken => _inbox.TakeAsync(match, cancellationToken));

    private void Receive(object message)
    {
        _transcript.In(Name, message.ToString()!);
        _inbox.Add(message);
    }

    private async Task StepAsync(string failure, Func<CancellationToken, Task> step) =>
        await StepAsync(failure, async cancellationToken =>
        {
            await step(cancellationToken);
            return true;
        });

    /// <summary>Runs one step of the session; it fails when it takes longer than <see cref="StepTimeout"/> or when the session failed.</summary>
    private async Task<T> StepAsync<T>(string failure, Func<CancellationToken, Task<T>> step)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_failure.Token);
        stop.CancelAfter(StepTimeout);
        try
        {
            return await step(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw new ChatSessionException(_failure.Reason ?? $"{Name} {failure} within {StepTimeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (ex is WebSocketConnectException or WebSocketSendException)
        {
            throw new ChatSessionException(_failure.Reason ?? $"{Name}: {ex.Message}", ex);
        }
    }

    private static string Describe(WebSocketCloseInfo close) => close switch
    {
        { Status: { } status, ByPeer: true } => $"closed by the server ({(int)status} {status})",
        { Status: { } status } => $"closed ({(int)status} {status})",
        { ByPeer: true } => "closed: the connection was lost",
        _ => "closed",
    };

    /// <summary>Printable ASCII in quotes, everything else in hex: <c>"echo:" 00 01 FE FF</c>.</summary>
    private static string DescribeBytes(ReadOnlySpan<byte> data)
    {
        var parts = new List<string>();
        var text = new StringBuilder();
        foreach (var value in data)
        {
            if (value is >= 0x20 and < 0x7F)
            {
                text.Append((char)value);
                continue;
            }

            if (text.Length > 0)
            {
                parts.Add($"\"{text}\"");
                text.Clear();
            }

            parts.Add(value.ToString("X2", CultureInfo.InvariantCulture));
        }

        if (text.Length > 0)
        {
            parts.Add($"\"{text}\"");
        }

        return string.Join(' ', parts);
    }

    /// <summary>A message no contract matched, as <see cref="ChatClient.Unhandled"/> reported it.</summary>
    public sealed record UnhandledReceived(string Type, string Json);

    /// <summary>A binary frame from the raw lane.</summary>
    public sealed record BinaryReceived(byte[] Data);
}
