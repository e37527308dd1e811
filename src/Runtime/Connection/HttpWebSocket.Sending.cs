using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Unicode;
using CpWebSocket.Transport;

namespace CpWebSocket;

public sealed partial class HttpWebSocket
{
    // One lane for every frame, text or binary, so sends leave in the order they were made. Its waiters are
    // served first come, first served; the close handshake takes its turn in the same lane.
    private readonly SemaphoreSlim _sendLock = new(1, 1);

    /// <summary>
    /// The seed's <c>send(message, isData)</c>: queues <paramref name="message"/> and returns at once. A message that
    /// cannot be sent (not open, or the write fails) is reported by an <see cref="WebSocketEvent.Error"/> event.
    /// </summary>
    /// <param name="message">The message; sent as UTF-8.</param>
    /// <param name="isData"><see langword="true"/> (the default, as in the seed) for a binary frame; <see langword="false"/> for a text frame, in which lone surrogates become U+FFFD.</param>
    /// <returns>This connection.</returns>
    public HttpWebSocket Send(string message, bool isData = true)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (OpenConnection() is not { } connection)
        {
            ReportNotSent(Encoding.UTF8.GetByteCount(message), isData);
        }
        else
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(message.Length));
            var length = Encoding.UTF8.GetBytes(message, buffer);
            _ = SendPooledAsync(connection, buffer, length, isData);
        }

        return this;
    }

    /// <summary>
    /// The seed's <c>send(message, isData)</c> for bytes: copies and queues <paramref name="message"/> and returns at
    /// once. A message that cannot be sent is reported by an <see cref="WebSocketEvent.Error"/> event.
    /// </summary>
    /// <param name="message">The bytes to send; copied, so the caller may reuse the memory at once.</param>
    /// <param name="isData"><see langword="true"/> (the default) for a binary frame; <see langword="false"/> for a text frame, in which invalid UTF-8 becomes U+FFFD.</param>
    /// <returns>This connection.</returns>
    public HttpWebSocket Send(ReadOnlyMemory<byte> message, bool isData = true)
    {
        if (OpenConnection() is not { } connection)
        {
            ReportNotSent(message.Length, isData);
        }
        else
        {
            var (buffer, length) = RentPayload(message.Span, isData);
            _ = SendPooledAsync(connection, buffer, length, isData);
        }

        return this;
    }

    /// <summary>Sends <paramref name="message"/> and completes when the frame has been written.</summary>
    /// <param name="message">The message; sent as UTF-8.</param>
    /// <param name="isData"><see langword="true"/> (the default) for a binary frame; <see langword="false"/> for a text frame, in which lone surrogates become U+FFFD.</param>
    /// <param name="cancellationToken">Cancels the wait for this message's turn; a write that has started is finished.</param>
    /// <returns>A task that completes when the frame has been written.</returns>
    /// <exception cref="WebSocketSendException">The connection is not open, or the write failed.</exception>
    public async ValueTask SendAsync(string message, bool isData = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var connection = OpenConnection() ?? throw NotSent(Encoding.UTF8.GetByteCount(message), isData);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(message.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(message, buffer);
            await WriteAsync(connection, buffer.AsMemory(0, length), Frame(isData), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Sends <paramref name="message"/> and completes when the frame has been written.</summary>
    /// <param name="message">The bytes to send; keep them unchanged until the task completes.</param>
    /// <param name="isData"><see langword="true"/> (the default) for a binary frame; <see langword="false"/> for a text frame, in which invalid UTF-8 becomes U+FFFD.</param>
    /// <param name="cancellationToken">Cancels the wait for this message's turn; a write that has started is finished.</param>
    /// <returns>A task that completes when the frame has been written.</returns>
    /// <exception cref="WebSocketSendException">The connection is not open, or the write failed.</exception>
    public ValueTask SendAsync(ReadOnlyMemory<byte> message, bool isData = true, CancellationToken cancellationToken = default)
    {
        if (OpenConnection() is not { } connection)
        {
            return ValueTask.FromException(NotSent(message.Length, isData));
        }

        return isData || Utf8.IsValid(message.Span)
            ? WriteAsync(connection, message, Frame(isData), cancellationToken)
            : SendSanitizedAsync(connection, message, cancellationToken);
    }

    /// <summary>For the messaging layer: writes UTF-8 the caller guarantees valid as one text frame.</summary>
    /// <param name="utf8">The message.</param>
    /// <param name="cancellationToken">Cancels the wait for this message's turn.</param>
    /// <returns>A task that completes when the frame has been written.</returns>
    internal ValueTask SendUtf8TextAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        if (OpenConnection() is not { } connection)
        {
            return ValueTask.FromException(NotSent(utf8.Length, isData: false));
        }

        return WriteAsync(connection, utf8, WebSocketMessageType.Text, cancellationToken);
    }

    private async ValueTask SendSanitizedAsync(Connection connection, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var (buffer, length) = RentPayload(message.Span, isData: false);
        try
        {
            await WriteAsync(connection, buffer.AsMemory(0, length), WebSocketMessageType.Text, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task SendPooledAsync(Connection connection, byte[] buffer, int length, bool isData)
    {
        try
        {
            await WriteAsync(connection, buffer.AsMemory(0, length), Frame(isData), CancellationToken.None).ConfigureAwait(false);
        }
        catch (WebSocketSendException ex)
        {
            ReportError(new WebSocketErrorInfo(WebSocketErrorKind.Send, ex.Message, ex.InnerException ?? ex));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes one whole frame in its turn, on the connection it was sent for and no other.</summary>
    private async ValueTask WriteAsync(Connection connection, ReadOnlyMemory<byte> payload, WebSocketMessageType type, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // A message never moves to a later connection: after a reconnect, sends made before it fail.
            var socket = connection.Socket;
            if (_current != connection || _status != WebSocketStatus.Open || socket is null || socket.State != WebSocketState.Open)
            {
                throw new WebSocketSendException(NotSentMessage(payload.Length, type == WebSocketMessageType.Binary, _current == connection ? $"the status is {_status}" : "the connection it was sent on has ended"));
            }

            try
            {
                // Not cancellable: cancelling a started write would abort the whole connection.
                await socket.SendAsync(payload, type, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or IOException or OperationCanceledException)
            {
                throw new WebSocketSendException(NotSentMessage(payload.Length, type == WebSocketMessageType.Binary, $"the write failed: {ex.Message}"), ex);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>The open connection a send goes to, or <see langword="null"/> when the status is not open.</summary>
    private Connection? OpenConnection()
    {
        var connection = _current;
        return _status == WebSocketStatus.Open ? connection : null;
    }

    private void ReportNotSent(int length, bool isData) =>
        ReportError(new WebSocketErrorInfo(WebSocketErrorKind.Send, NotSentMessage(length, isData, $"the status is {_status}")));

    private WebSocketSendException NotSent(int length, bool isData) => new(NotSentMessage(length, isData, $"the status is {_status}"));

    private string NotSentMessage(int length, bool isData, string reason) =>
        $"A {(isData ? "binary" : "text")} message of {length} bytes was not sent to {Url}: {reason}.";

    private static WebSocketMessageType Frame(bool isData) => isData ? WebSocketMessageType.Binary : WebSocketMessageType.Text;

    /// <summary>Copies a payload into a pooled buffer; text with invalid UTF-8 is re-encoded with U+FFFD in its place.</summary>
    private static (byte[] Buffer, int Length) RentPayload(ReadOnlySpan<byte> payload, bool isData)
    {
        if (isData || Utf8.IsValid(payload))
        {
            var copy = ArrayPool<byte>.Shared.Rent(payload.Length);
            payload.CopyTo(copy);
            return (copy, payload.Length);
        }

        var text = Encoding.UTF8.GetString(payload);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        return (buffer, Encoding.UTF8.GetBytes(text, buffer));
    }
}
