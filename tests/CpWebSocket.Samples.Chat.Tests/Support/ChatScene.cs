using CpWebSocket.Testing;
using Samples.Chat;

namespace CpWebSocket.Samples.Chat.Tests.Support;

/// <summary>
/// What a participant test needs: an in-memory server speaking <see cref="ChatClient"/>'s contracts, a transcript to
/// read back, and the session's shared failure.
/// </summary>
public sealed class ChatScene : IAsyncDisposable
{
    private readonly StringWriter _output = new();

    public ChatScene()
    {
        Transcript = new Transcript(_output);
    }

    public InMemoryServer<ChatClient> Server { get; } = new();

    internal Transcript Transcript { get; }

    internal SessionFailure Failure { get; } = new();

    /// <summary>The transcript so far, a line each.</summary>
    public IReadOnlyList<string> Lines => _output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A participant connected to the server, and the server's end of its connection.</summary>
    internal async Task<(ChatParticipant Participant, TestPeer Peer)> ConnectAsync(string name)
    {
        var participant = new ChatParticipant(name, Server.Url, Transcript, Failure, Server.Transport);
        await participant.OpenAsync();
        return (participant, await Server.AcceptAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Failure.Dispose();
        await _output.DisposeAsync();
    }
}
