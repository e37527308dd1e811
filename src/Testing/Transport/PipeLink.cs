using System.IO.Pipelines;

namespace CpWebSocket.Testing.Transport;

/// <summary>
/// The two pipes of one in-memory connection, one per direction, and what happens to both at once: a drop, which ends
/// the connection the way a lost network does (each end reads the end of its stream, and writes fail), with no close frame.
/// </summary>
internal sealed class PipeLink
{
    // Continuations on the thread pool, never on a test framework's synchronization context.
    private static readonly PipeOptions Options = new(useSynchronizationContext: false);

    private readonly Pipe _toServer = new(Options);
    private readonly Pipe _toClient = new(Options);
    private readonly TaskCompletionSource _clientGone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _dropped;

    public PipeLink()
    {
        Client = new DuplexPipeStream(this, _toClient.Reader, _toServer.Writer, () => _clientGone.TrySetResult());
        Server = new DuplexPipeStream(this, _toServer.Reader, _toClient.Writer, null);
    }

    /// <summary>Completes once the client's end is gone: disposed by its websocket, or dropped.</summary>
    public Task ClientGone => _clientGone.Task;

    /// <summary>The client's end: reads what the server wrote, writes to the server.</summary>
    public DuplexPipeStream Client { get; }

    /// <summary>The server's end.</summary>
    public DuplexPipeStream Server { get; }

    /// <summary>Whether <see cref="Drop"/> was called.</summary>
    public bool IsDropped => _dropped;

    /// <summary>Ends the connection at once, without a close frame: pending and later reads end, later writes fail.</summary>
    public void Drop()
    {
        _dropped = true;
        _clientGone.TrySetResult();

        // Wakes a read under way on either end; it then sees the drop and reports the end of the stream.
        _toServer.Reader.CancelPendingRead();
        _toClient.Reader.CancelPendingRead();
    }
}
