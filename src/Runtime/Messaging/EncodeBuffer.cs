using System.Text.Json;

namespace CpWebSocket.Messaging;

/// <summary>
/// What one outbound message is encoded into: a pooled buffer and a <see cref="Utf8JsonWriter"/> bound to it,
/// both reused from message to message (see <see cref="EncodeBufferPool"/>).
/// </summary>
internal sealed class EncodeBuffer : IDisposable
{
    // A message larger than this gives its array back to the shared pool instead of keeping it idle here.
    private const int RetainedCapacity = 64 * 1024;

    public EncodeBuffer(JsonWriterOptions writerOptions)
    {
        Output = new PooledBufferWriter();
        Writer = new Utf8JsonWriter(Output, writerOptions);
    }

    /// <summary>The encoded bytes.</summary>
    public PooledBufferWriter Output { get; }

    /// <summary>The writer the payload is serialized with; reset onto <see cref="Output"/> before each use.</summary>
    public Utf8JsonWriter Writer { get; }

    /// <summary>The encoded message.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => Output.WrittenMemory;

    /// <summary>Readies the buffer for its next message.</summary>
    public void Clear()
    {
        if (Output.Capacity > RetainedCapacity)
        {
            Output.Dispose();
        }
        else
        {
            Output.Clear();
        }

        Writer.Reset(Output);
    }

    public void Dispose()
    {
        Writer.Dispose();
        Output.Dispose();
    }
}
