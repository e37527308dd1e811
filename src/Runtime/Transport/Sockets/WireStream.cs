using System.Buffers;
using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text.Unicode;

namespace CpWebSocket.Transport.Sockets;

/// <summary>
/// The byte stream under the websocket, between it and the HTTP connection: it checks the frame headers the server
/// sends as they arrive, and it coalesces the frames this side writes.
/// </summary>
/// <remarks>
/// <para>
/// <b>Reads.</b> Each header is read as it passes (<see cref="InboundFrameParser"/>); a data frame announcing a message
/// larger than the limit ends the read at once: the stream writes a close frame with status 1009, waits at most a second
/// for the peer's close frame (so its bytes are not lost to a reset), and fails the read with
/// <see cref="MessageTooLargeException"/>, without having buffered any of the oversized payload.
/// </para>
/// <para>
/// <b>Writes.</b> A frame written while the stream is idle goes to the network at once, on the caller's thread, unless
/// it comes right behind the last write (within twice the time that write took, as from a sender writing in a loop):
/// then it starts a burst, and it and the frames that come while the burst is written are copied into a batch of at
/// most <see cref="BatchCapacity"/> bytes and accepted at once, written together in one socket write by a flush on the
/// thread pool. A lone message (one that follows a round trip or an idle moment) never waits. A frame that does not fit
/// waits for the batch to be written. So a write completes once its frame is on the network or, in a burst, once it is
/// in the batch; <see cref="TransportSignals"/> counts data frames accepted and written, so the connection can report
/// those that never left if the connection fails. A close frame completes only once it is written, and nothing may
/// follow it.
/// </para>
/// </remarks>
internal sealed class WireStream : Stream, IThreadPoolWorkItem, IBufferedMessages
{
    /// <summary>The most bytes a batch of coalesced frames holds.</summary>
    public const int BatchCapacity = 64 * 1024;

    /// <summary>How many bytes one read from the connection takes at most, for the websocket's many small reads to share.</summary>
    public const int ReadChunk = 16 * 1024;

    /// <summary>The read buffer of a read that will likely wait for data (the one before it emptied the connection).</summary>
    public const int WaitChunk = 4 * 1024;

    /// <summary>How long a refusal waits for the peer's close frame before the connection is dropped.</summary>
    private static readonly TimeSpan RefusalLinger = TimeSpan.FromSeconds(1);

    // Bounds of the burst window, in Stopwatch ticks: 2 µs to 50 µs.
    private static readonly long MinBurstWindow = Stopwatch.Frequency / 500_000;
    private static readonly long MaxBurstWindow = Stopwatch.Frequency / 20_000;

    private readonly Stream _inner;
    private readonly TransportSignals _signals;
    private readonly long _limit;
    private readonly object _writeLock = new();
    private InboundFrameParser _parser;
    private bool _refusing;
    private bool _waitedForData;

    // The read buffer and its checked bytes not yet handed out, [_readStart, _readEnd): rented while data flows (small
    // when a read will likely wait), given back when the stream waits for data with a zero-byte read, ends or fails.
    // Touched by the reader only.
    private byte[]? _readBuffer;
    private int _readStart;
    private int _readEnd;
    private bool _streaming;

    // Follows the bytes handed out (to the websocket, or taken as whole messages), so that no read goes past a frame's end.
    private InboundFrameParser _handedOut = new(long.MaxValue);

    // Guarded by _writeLock.
    private bool _writing;
    private byte[]? _batch;
    private int _batchLength;
    private int _batchDataFrames;
    private TaskCompletionSource? _batchWritten;
    private bool _closeAccepted;
    private Exception? _writeFault;
    private bool _disposed;
    private long _lastWriteEnded;
    private long _burstWindow;

    /// <param name="inner">The upgraded HTTP connection.</param>
    /// <param name="limit">The largest inbound message, in bytes.</param>
    /// <param name="signals">Where to report what the stream sees.</param>
    public WireStream(Stream inner, long limit, TransportSignals signals)
    {
        _inner = inner;
        _limit = limit;
        _signals = signals;
        _parser = new InboundFrameParser(limit);
        signals.DrainUntilPeerCloses = DrainUntilPeerClosesAsync;
    }

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var buffered = _readEnd - _readStart;
        if (buffered > 0)
        {
            return new ValueTask<int>(TakeBuffered(buffer.Span));
        }

        if (_refusing)
        {
            ReleaseReadBuffer();
            return RefuseAsync();
        }

        if (buffer.Length == 0 || buffer.Length >= ReadChunk)
        {
            // A zero-byte read waits for data holding no buffer; a read as large as a chunk needs no copy through one.
            ReleaseReadBuffer();
            return ReadDirectAsync(buffer, cancellationToken);
        }

        ValueTask<int> fill;
        try
        {
            fill = _inner.ReadAsync(RentChunk(), cancellationToken);
        }
        catch (Exception ex)
        {
            ReleaseReadBuffer();
            return ValueTask.FromException<int>(ex);
        }

        if (!fill.IsCompletedSuccessfully)
        {
            return FillAfterAsync(fill, buffer);
        }

        var count = Filled(buffer.Span, fill.Result);
        return count >= 0 ? new ValueTask<int>(count) : RefuseAsync();
    }

    /// <summary>
    /// The read buffer for the next read from the connection: <see cref="ReadChunk"/> bytes while data keeps coming (the
    /// last read filled its buffer), <see cref="WaitChunk"/> bytes otherwise, as the next read will likely wait for data
    /// and holds its buffer meanwhile.
    /// </summary>
    private byte[] RentChunk()
    {
        var size = _streaming ? ReadChunk : WaitChunk;
        if (_readBuffer is { } held && held.Length != size)
        {
            ReleaseReadBuffer();
        }

        return _readBuffer ??= ArrayPool<byte>.Shared.Rent(size);
    }

    private ValueTask<int> ReadDirectAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        ValueTask<int> read;
        try
        {
            read = _inner.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception ex)
        {
            return ValueTask.FromException<int>(ex);
        }

        return read.IsCompletedSuccessfully ? Inspect(buffer, read.Result) : ReadAfterAsync(read, buffer);
    }

    /// <summary>
    /// Copies buffered bytes (checked already) into <paramref name="destination"/>, no further than the end of the frame
    /// they belong to; 0 for a zero-byte read.
    /// </summary>
    private int TakeBuffered(Span<byte> destination)
    {
        if (destination.IsEmpty)
        {
            return 0;
        }

        var available = _readBuffer.AsSpan(_readStart, _readEnd - _readStart);
        var taken = available[..Math.Min(_handedOut.CurrentFrameLength(available), destination.Length)];
        taken.CopyTo(destination);
        _handedOut.Accept(taken, enforceLimit: false);
        _readStart += taken.Length;
        return taken.Length;
    }

    /// <inheritdoc />
    public bool TryTakeMessage(out ReadOnlySpan<byte> payload, out bool text)
    {
        payload = default;
        text = false;
        var available = _readEnd - _readStart;
        if (available < 2 || !_handedOut.AtFrameStart)
        {
            return false;
        }

        var frame = _readBuffer.AsSpan(_readStart, available);
        var opcode = frame[0] & 0x0F;
        if ((frame[0] & 0xF0) != 0x80 || (frame[1] & 0x80) != 0 || opcode is not (0x1 or 0x2))
        {
            return false; // a fragment, compressed or reserved bits, masked, or not a data frame: the websocket decides
        }

        int headerLength;
        long length = frame[1];
        if (length < 126)
        {
            headerLength = 2;
        }
        else if (length == 126)
        {
            headerLength = 4;
            length = available >= headerLength ? BinaryPrimitives.ReadUInt16BigEndian(frame[2..]) : long.MaxValue;
        }
        else
        {
            headerLength = 10;
            length = available >= headerLength ? (long)Math.Min(BinaryPrimitives.ReadUInt64BigEndian(frame[2..]), (ulong)long.MaxValue) : long.MaxValue;
        }

        if (length > available - headerLength)
        {
            return false; // not read whole yet
        }

        var body = frame.Slice(headerLength, (int)length);
        text = opcode == 0x1;
        if (text && !Utf8.IsValid(body))
        {
            return false; // the websocket fails the connection with its usual close status
        }

        payload = body;
        _readStart += headerLength + (int)length;
        return true;
    }

    /// <summary>
    /// A chunk was read into the read buffer: its frames are checked (bytes from a refused frame on are never handed
    /// out), and the first of it is copied into <paramref name="destination"/>. -1 when the refusal is due now.
    /// </summary>
    private int Filled(Span<byte> destination, int count)
    {
        if (count == 0)
        {
            ReleaseReadBuffer(); // the end of the stream
            return 0;
        }

        NoteArrival();
        _streaming = count == _readBuffer!.Length; // more was likely there: the next read takes a full chunk
        var accepted = count;
        if (!_parser.Accept(_readBuffer.AsSpan(0, count)))
        {
            // The frames before the refused one are still read; the refusal comes with the read after them.
            _refusing = true;
            accepted = _parser.RefusedAt;
        }

        _readStart = 0;
        _readEnd = accepted;
        if (accepted == 0)
        {
            ReleaseReadBuffer();
            return -1;
        }

        return TakeBuffered(destination);
    }

    private void NoteArrival()
    {
        if (_waitedForData)
        {
            // Stamped only after a wait (a read, or a zero-byte read, that did not complete at once): a read that completes
            // at once takes bytes that were already there.
            _waitedForData = false;
            _signals.OnReceived();
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> FillAfterAsync(ValueTask<int> fill, Memory<byte> buffer)
    {
        int count;
        try
        {
            count = await fill.ConfigureAwait(false);
        }
        catch
        {
            ReleaseReadBuffer();
            throw;
        }

        _waitedForData = true;
        var taken = Filled(buffer.Span, count);
        return taken >= 0 ? taken : await RefuseAsync().ConfigureAwait(false);
    }

    /// <summary>Gives the read buffer back to the pool; only the reader calls it, between reads into the buffer.</summary>
    private void ReleaseReadBuffer()
    {
        if (_readBuffer is { } chunk)
        {
            _readBuffer = null;
            _readStart = _readEnd = 0;
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var kind = OutboundFrame.Classify(buffer.Span, out var closeStatus);
        return WriteFrameAsync(buffer, kind, closeStatus, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Nothing to do: the stream writes what it accepted by itself (the websocket calls this after every frame).</summary>
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The websocket reads asynchronously.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The websocket writes asynchronously.");

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    void IThreadPoolWorkItem.Execute() => WriteBatches();

    protected override void Dispose(bool disposing)
    {
        TaskCompletionSource? waiting;
        lock (_writeLock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            waiting = _batchWritten;
            _batchWritten = null;
        }

        // A flush still writing fails now and gives its batch back itself; the writer waiting for room finds the stream disposed.
        _inner.Dispose();
        waiting?.TrySetResult();
        base.Dispose(disposing);
    }

    private ValueTask<int> Inspect(Memory<byte> buffer, int count)
    {
        if (count == 0)
        {
            return new ValueTask<int>(0); // the end of the stream, or a zero-byte read that waited for data
        }

        if (_waitedForData)
        {
            // Stamped only after a wait (a read, or a zero-byte read, that did not complete at once): a read that completes
            // at once takes bytes that were already there. A read that ends with no byte (the stream closed) stamps nothing.
            _waitedForData = false;
            _signals.OnReceived();
        }

        if (_parser.Accept(buffer.Span[..count]))
        {
            _handedOut.Accept(buffer.Span[..count], enforceLimit: false);
            return new ValueTask<int>(count);
        }

        // The frames before the refused one are still read; the refusal comes with the next read.
        _refusing = true;
        _handedOut.Accept(buffer.Span[.._parser.RefusedAt], enforceLimit: false);
        return _parser.RefusedAt > 0 ? new ValueTask<int>(_parser.RefusedAt) : RefuseAsync();
    }

    // Pooled: the websocket awaits one of these for every read that is not already buffered.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<int> ReadAfterAsync(ValueTask<int> read, Memory<byte> buffer)
    {
        var count = await read.ConfigureAwait(false);
        _waitedForData = true;
        return await Inspect(buffer, count).ConfigureAwait(false);
    }

    /// <summary>Closes with 1009, waits a little for the peer's close frame, then fails the read.</summary>
    private async ValueTask<int> RefuseAsync()
    {
        var announced = _parser.Refused;
        _signals.OnRefused(announced);
        using var linger = new CancellationTokenSource(RefusalLinger);
        try
        {
            // Unless a close frame went out already (this side was closing), this one tells the peer why.
            var close = OutboundFrame.Close(WebSocketCloseStatus.MessageTooBig, $"Message exceeds the {_limit} byte limit.");
            await WriteFrameAsync(close, OutboundFrameKind.Close, WebSocketCloseStatus.MessageTooBig, linger.Token).AsTask().WaitAsync(linger.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Not written: the peer still gets a close frame, this side's earlier one, or none if the connection is gone.
        }

        await DrainUntilPeerClosesAsync(linger.Token).ConfigureAwait(false);
        throw new MessageTooLargeException(_limit, announced);
    }

    private async Task DrainUntilPeerClosesAsync(TimeSpan timeout)
    {
        using var linger = new CancellationTokenSource(timeout);
        await DrainUntilPeerClosesAsync(linger.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads and drops until the peer's close frame has gone by: it says the peer has read everything this side sent.
    /// Dropping the connection before then would reset it, and the peer would lose what it had not read yet.
    /// </summary>
    private async Task DrainUntilPeerClosesAsync(CancellationToken cancellationToken)
    {
        var scratch = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            while (!_parser.CloseReceived)
            {
                var count = await _inner.ReadAsync(scratch, cancellationToken).ConfigureAwait(false);
                if (count == 0)
                {
                    break;
                }

                _parser.Accept(scratch.AsSpan(0, count), enforceLimit: false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The peer did not close in time, or the connection is gone: it is dropped either way.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    private ValueTask WriteFrameAsync(ReadOnlyMemory<byte> frame, OutboundFrameKind kind, WebSocketCloseStatus closeStatus, CancellationToken cancellationToken)
    {
        lock (_writeLock)
        {
            if (kind == OutboundFrameKind.Close && _closeAccepted && !_disposed && _writeFault is null)
            {
                // This side's close frame is already out or on its way, and an endpoint sends only one: the websocket
                // failing the connection meanwhile (a text frame that is not UTF-8 during the close handshake, before it
                // noted its own close as sent) closes it with that frame and reports its own failure. Refusing the second
                // frame made that failure read as a lost connection, which is no error while closing.
                return default;
            }

            if (RefusalNoLock() is { } refused)
            {
                return ValueTask.FromException(refused);
            }

            if (!_writing && (kind == OutboundFrameKind.Close || frame.Length > BatchCapacity || !FollowsLastWriteNoLock()))
            {
                _writing = true;
                Accept(kind, closeStatus);
            }
            else if (!_writing)
            {
                // Right behind the last write: a burst is starting. This frame goes out with the frames that follow it,
                // in one socket write from the thread pool.
                _writing = true;
                Accept(kind, closeStatus);
                Append(frame, kind);
                ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
                return default;
            }
            else if (_batchLength + frame.Length <= BatchCapacity)
            {
                Accept(kind, closeStatus);
                Append(frame, kind);

                // A close frame is written when its batch is.
                return kind == OutboundFrameKind.Close ? new ValueTask((_batchWritten ??= NewCompletion()).Task) : default;
            }
            else
            {
                // No room: try again once the batch has been written.
                return WriteWhenRoomAsync((_batchWritten ??= NewCompletion()).Task, frame, kind, closeStatus, cancellationToken);
            }
        }

        ValueTask write;
        var started = Stopwatch.GetTimestamp();
        try
        {
            write = _inner.WriteAsync(frame, CancellationToken.None);
        }
        catch (Exception ex)
        {
            OnWriteFault(ex);
            return ValueTask.FromException(ex);
        }

        if (write.IsCompletedSuccessfully)
        {
            OnInlineWritten(kind, started);
            return default;
        }

        return AwaitInlineAsync(write, kind, started);
    }

    private void Append(ReadOnlyMemory<byte> frame, OutboundFrameKind kind)
    {
        _batch ??= ArrayPool<byte>.Shared.Rent(BatchCapacity);
        frame.Span.CopyTo(_batch.AsSpan(_batchLength));
        _batchLength += frame.Length;
        if (kind == OutboundFrameKind.Data)
        {
            _batchDataFrames++;
        }
    }

    /// <summary>
    /// Whether a frame written now comes right behind the last write: within twice the time that write took (a sender
    /// writing in a loop), rather than after a round trip or an idle moment (a lone message, which is written at once).
    /// </summary>
    private bool FollowsLastWriteNoLock() => _lastWriteEnded != 0 && Stopwatch.GetTimestamp() - _lastWriteEnded < _burstWindow;

    private void Accept(OutboundFrameKind kind, WebSocketCloseStatus closeStatus)
    {
        switch (kind)
        {
            case OutboundFrameKind.Data:
                _signals.OnDataFrameAccepted();
                break;
            case OutboundFrameKind.Close:
                _closeAccepted = true;
                _signals.OnCloseSent(closeStatus);
                break;
        }
    }

    private Exception? RefusalNoLock()
    {
        if (_disposed)
        {
            return new ObjectDisposedException(nameof(WireStream));
        }

        if (_writeFault is not null)
        {
            return new IOException($"The connection failed while writing: {_writeFault.Message}", _writeFault);
        }

        return _closeAccepted ? new IOException("A close frame was written; nothing may follow it.") : null;
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask AwaitInlineAsync(ValueTask write, OutboundFrameKind kind, long started)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            OnWriteFault(ex);
            throw;
        }

        OnInlineWritten(kind, started);
    }

    private async ValueTask WriteWhenRoomAsync(Task room, ReadOnlyMemory<byte> frame, OutboundFrameKind kind, WebSocketCloseStatus closeStatus, CancellationToken cancellationToken)
    {
        await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        await WriteFrameAsync(frame, kind, closeStatus, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The frame written on the caller's thread is out. Frames that came meanwhile (a keep-alive ping, a close) go in a
    /// flush from the thread pool; otherwise the stream is idle, and the time this write took sets how soon the next
    /// frame must come to count as part of a burst.
    /// </summary>
    private void OnInlineWritten(OutboundFrameKind kind, long started)
    {
        if (kind == OutboundFrameKind.Data)
        {
            _signals.OnDataFramesWritten(1);
        }

        var ended = Stopwatch.GetTimestamp();
        bool flush;
        lock (_writeLock)
        {
            _lastWriteEnded = ended;
            _burstWindow = Math.Clamp(2 * (ended - started), MinBurstWindow, MaxBurstWindow);
            flush = _batchLength > 0;
            _writing = flush;
        }

        if (flush)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }

    /// <summary>Writes batches until none is left, then marks the stream idle.</summary>
    private void WriteBatches()
    {
        while (true)
        {
            byte[] batch;
            int length;
            int frames;
            TaskCompletionSource? written;
            lock (_writeLock)
            {
                if (_batchLength == 0 || _writeFault is not null || _disposed)
                {
                    _writing = false;
                    _lastWriteEnded = Stopwatch.GetTimestamp();
                    written = _batchWritten;
                    _batchWritten = null;
                    if (_batch is { } idle && _batchLength == 0)
                    {
                        _batch = null;
                        ArrayPool<byte>.Shared.Return(idle);
                    }

                    written?.TrySetResult();
                    return;
                }

                (batch, length, frames, written) = (_batch!, _batchLength, _batchDataFrames, _batchWritten);
                (_batch, _batchLength, _batchDataFrames, _batchWritten) = (null, 0, 0, null);
            }

            ValueTask write;
            try
            {
                write = _inner.WriteAsync(batch.AsMemory(0, length), CancellationToken.None);
            }
            catch (Exception ex)
            {
                OnBatchFailed(batch, written, ex);
                return;
            }

            if (!write.IsCompletedSuccessfully)
            {
                _ = FlushAfterAsync(write, batch, frames, written);
                return;
            }

            OnBatchWritten(batch, frames, written);
        }
    }

    private async Task FlushAfterAsync(ValueTask write, byte[] batch, int frames, TaskCompletionSource? written)
    {
        try
        {
            await write.ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            OnBatchFailed(batch, written, ex);
            return;
        }

        OnBatchWritten(batch, frames, written);
        WriteBatches();
    }

    private void OnBatchWritten(byte[] batch, int frames, TaskCompletionSource? written)
    {
        _signals.OnDataFramesWritten(frames);
        ArrayPool<byte>.Shared.Return(batch);
        written?.TrySetResult();
    }

    private void OnBatchFailed(byte[] batch, TaskCompletionSource? written, Exception exception)
    {
        OnWriteFault(exception);
        ArrayPool<byte>.Shared.Return(batch);
        written?.TrySetException(new IOException($"The connection failed while writing: {exception.Message}", exception));
        WriteBatches(); // marks the stream idle and releases whoever waits for room
    }

    /// <summary>A write failed: the connection is broken, so it is dropped (its reads fail too, which ends the receive loop).</summary>
    private void OnWriteFault(Exception exception)
    {
        lock (_writeLock)
        {
            _writeFault ??= exception;
        }

        _inner.Dispose();
    }

    private static TaskCompletionSource NewCompletion() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
