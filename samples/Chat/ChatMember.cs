using System.Diagnostics.CodeAnalysis;
using System.Net.WebSockets;

namespace Samples.Chat;

/// <summary>One connection to the <see cref="ChatServer"/>.</summary>
[SuppressMessage("Design", "CA1001", Justification = "The send lock is never disposed: a broadcast may still reach a member that just left, and the lock has no wait handle to free.")]
internal sealed class ChatMember(WebSocket socket)
{
    // A WebSocket allows one send at a time, and other members' connections broadcast to this one.
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    public WebSocket Socket { get; } = socket;

    /// <summary>The name given in the last <c>chat.join</c>; guarded by the server's lock.</summary>
    public string? User { get; set; }

    public Task SendAsync(ReadOnlyMemory<byte> message, WebSocketMessageType type, CancellationToken cancellationToken) =>
        InTurnAsync(socket => socket.SendAsync(message, type, endOfMessage: true, cancellationToken), cancellationToken);

    /// <summary>Sends the close frame in turn: a close frame is a send too, and must not overlap a broadcast.</summary>
    public Task CloseOutputAsync(WebSocketCloseStatus status, string? description, CancellationToken cancellationToken) =>
        InTurnAsync(socket => new ValueTask(socket.CloseOutputAsync(status, description, cancellationToken)), cancellationToken);

    private async Task InTurnAsync(Func<WebSocket, ValueTask> send, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            if (Socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await send(Socket);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // This member left while a message for it was on its way; the others still get theirs.
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
