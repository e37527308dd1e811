using System.Buffers;
using System.Net.WebSockets;

namespace CpWebSocket;

/// <summary>
/// A frame waiting in a <see cref="SendLane"/> behind the one being written: a message (its bytes, and how its outcome is
/// reported) or a close frame. A frame written at once, on the caller's thread, needs none.
/// </summary>
internal sealed class SendOp
{
    private SendOp(ReadOnlyMemory<byte> payload, WebSocketMessageType type, byte[]? pooled, TaskCompletionSource? completion)
    {
        Payload = payload;
        Type = type;
        Pooled = pooled;
        Completion = completion;
    }

    public ReadOnlyMemory<byte> Payload { get; }

    public WebSocketMessageType Type { get; }

    /// <summary>The pooled copy behind <see cref="Payload"/> of a <c>Send</c>, given back once written or failed.</summary>
    public byte[]? Pooled { get; }

    /// <summary>The task of a <c>SendAsync</c> or of a close; <see langword="null"/> for a <c>Send</c>, whose failure is an <c>Error</c> event.</summary>
    public TaskCompletionSource? Completion { get; }

    /// <summary>The name of the contract a typed message was encoded from (a metrics tag); <see langword="null"/> for raw sends.</summary>
    public string? Contract { get; private init; }

    public bool IsClose => Type == WebSocketMessageType.Close;

    public WebSocketCloseStatus CloseStatus { get; private init; }

    public string? CloseDescription { get; private init; }

    /// <summary>Set (under the connection's lock) when its turn came, or when its caller stopped waiting.</summary>
    public bool Taken { get; set; }

    public static SendOp Message(ReadOnlyMemory<byte> payload, WebSocketMessageType type, byte[]? pooled, bool awaited, string? contract = null) =>
        new(payload, type, pooled, awaited ? new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) : null) { Contract = contract };

    public static SendOp Close(WebSocketCloseStatus status, string? description) =>
        new(ReadOnlyMemory<byte>.Empty, WebSocketMessageType.Close, null, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))
        {
            CloseStatus = status,
            CloseDescription = description,
        };

    /// <summary>Gives the pooled copy back.</summary>
    public void Release()
    {
        if (Pooled is not null)
        {
            ArrayPool<byte>.Shared.Return(Pooled);
        }
    }
}
