using System.Net.WebSockets;

namespace CpWebSocket.Transport;

/// <summary>
/// What a transport that owns the byte stream saw on the wire, for the connection's events: the close frame this side
/// wrote, a message refused for its size as it was announced, when the last bytes arrived, and how many data frames were
/// accepted for writing and how many were written. Written by the transport, read by the connection.
/// </summary>
internal sealed class TransportSignals
{
    private long _lastReceived = Environment.TickCount64;
    private long _dataFramesAccepted;
    private long _dataFramesWritten;
    private long _refusedSize = -1;
    private int _sentCloseStatus = -1;

    /// <summary>The status of the close frame this side wrote, if it wrote one.</summary>
    public WebSocketCloseStatus? SentCloseStatus
    {
        get
        {
            var status = Volatile.Read(ref _sentCloseStatus);
            return status < 0 ? null : (WebSocketCloseStatus)status;
        }
    }

    /// <summary>The size a refused message announced (a frame, or the running total of a fragmented one), or <see langword="null"/>.</summary>
    public long? RefusedMessageSize
    {
        get
        {
            var size = Interlocked.Read(ref _refusedSize);
            return size < 0 ? null : size;
        }
    }

    /// <summary>When bytes last arrived after a wait for them, as <see cref="Environment.TickCount64"/>.</summary>
    public long LastReceived => Volatile.Read(ref _lastReceived);

    /// <summary>Data frames accepted for writing so far, numbered from 1 in the order they were accepted.</summary>
    public long DataFramesAccepted => Interlocked.Read(ref _dataFramesAccepted);

    /// <summary>Data frames handed to the network so far; the first <see cref="DataFramesWritten"/> accepted ones.</summary>
    public long DataFramesWritten => Interlocked.Read(ref _dataFramesWritten);

    /// <summary>
    /// Reads and drops what the peer still sends until its close frame arrives or <c>timeout</c> passes; set by a
    /// transport that can. Called after this side failed the connection with a close frame, before dropping it: a peer
    /// that has not read that frame yet would lose it to the reset that closing with unread data causes.
    /// </summary>
    public Func<TimeSpan, Task>? DrainUntilPeerCloses { get; set; }

    private WebSocket? _bufferedFor;
    private IBufferedMessages? _buffered;

    /// <summary>
    /// Offers the messages the transport has read already, for the connection that reads <paramref name="socket"/> to
    /// take without a websocket read; by a transport that buffers what it reads.
    /// </summary>
    public void OfferBufferedMessages(WebSocket socket, IBufferedMessages messages) => (_bufferedFor, _buffered) = (socket, messages);

    /// <summary>
    /// The buffered messages offered for <paramref name="socket"/>, or <see langword="null"/>: only the one reader of
    /// that socket may take them (another socket over the same connection, such as Websocket.Client's, reads its own).
    /// </summary>
    public IBufferedMessages? BufferedMessagesFor(WebSocket socket) => ReferenceEquals(socket, _bufferedFor) ? _buffered : null;

    public void OnCloseSent(WebSocketCloseStatus status) => Interlocked.CompareExchange(ref _sentCloseStatus, (int)status, -1);

    public void OnRefused(long announcedSize) => Interlocked.CompareExchange(ref _refusedSize, announcedSize, -1);

    public void OnReceived() => Volatile.Write(ref _lastReceived, Environment.TickCount64);

    public void OnDataFrameAccepted() => Interlocked.Increment(ref _dataFramesAccepted);

    public void OnDataFramesWritten(int count) => Interlocked.Add(ref _dataFramesWritten, count);
}
