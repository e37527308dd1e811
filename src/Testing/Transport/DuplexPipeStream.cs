using System.Buffers;
using System.IO.Pipelines;

namespace CpWebSocket.Testing.Transport;

/// <summary>
/// One end of an in-memory connection as the <see cref="Stream"/> a <see cref="System.Net.WebSockets.WebSocket"/> runs
/// over: reads one pipe, writes the other. Writes are atomic (one at a time, each flushed), so bytes written raw never
/// split a frame the websocket writes. Disposing it completes what it writes, so the other end reads the end of its stream.
/// </summary>
internal sealed class DuplexPipeStream(PipeLink link, PipeReader reader, PipeWriter writer, Action? disposed) : Stream
{
    private readonly SemaphoreSlim _writing = new(1, 1);
    private volatile bool _disposed;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (link.IsDropped || _disposed)
            {
                return 0;
            }

            var result = await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (result.IsCanceled)
            {
                continue; // a drop or a dispose woke the read; the loop reports it
            }

            var data = result.Buffer;
            if (buffer.IsEmpty)
            {
                // A zero-byte read waits for data without taking any.
                reader.AdvanceTo(data.Start);
                return 0;
            }

            if (!data.IsEmpty)
            {
                var count = (int)Math.Min(buffer.Length, data.Length);
                data.Slice(0, count).CopyTo(buffer.Span);
                reader.AdvanceTo(data.GetPosition(count));
                return count;
            }

            reader.AdvanceTo(data.End);
            if (result.IsCompleted)
            {
                return 0;
            }
        }
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        await _writing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfGone();
            var result = await writer.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (result.IsCompleted)
            {
                throw new IOException("The other end of the in-memory connection has gone.");
            }

            ThrowIfGone();
        }
        finally
        {
            _writing.Release();
        }
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask; // every write is flushed

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("The in-memory connection is read asynchronously.");

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The in-memory connection is written asynchronously.");

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_disposed)
        {
            _disposed = true;
            reader.CancelPendingRead();
            try
            {
                // The other end reads the end of its stream. A write racing the dispose has lost anyway.
                writer.Complete();
            }
            catch (InvalidOperationException)
            {
            }

            disposed?.Invoke();
        }

        base.Dispose(disposing);
    }

    private void ThrowIfGone()
    {
        if (link.IsDropped)
        {
            throw new IOException("The in-memory connection was dropped.");
        }

        ObjectDisposedException.ThrowIf(_disposed, this);
    }
}
