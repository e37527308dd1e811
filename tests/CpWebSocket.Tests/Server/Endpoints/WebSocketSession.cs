using System.Buffers;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// An accepted websocket with the helpers every endpoint shares: whole-message receive, counted sends,
/// close handling, and an echo loop. Every step is recorded in <see cref="Log"/>.
/// </summary>
internal sealed class WebSocketSession
{
    /// <summary>The default largest message the server reassembles: generous, but bounded.</summary>
    public const int DefaultMaxMessageSize = 64 * 1024 * 1024;

    /// <summary>How long the server waits for the client's part of a close handshake it started.</summary>
    public static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(30);

    private const int ReceiveChunkSize = 16 * 1024;

    public WebSocketSession(HttpContext context, WebSocket socket, ServerConnectionLog log, CancellationToken stopping)
    {
        Context = context;
        Socket = socket;
        Log = log;
        Stopping = stopping;
        MaxMessageSize = QueryParameters.GetInt32(context, "max", DefaultMaxMessageSize);
    }

    public HttpContext Context { get; }

    public WebSocket Socket { get; }

    public ServerConnectionLog Log { get; }

    /// <summary>Cancelled when the client goes away or the test server stops.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>The largest message reassembled (query parameter <c>max</c>).</summary>
    public int MaxMessageSize { get; }

    /// <summary>Receives one whole message, reassembling fragments, or the client's close frame.</summary>
    public async Task<Inbound> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(ReceiveChunkSize);
        while (true)
        {
            var result = await Socket.ReceiveAsync(buffer.GetMemory(ReceiveChunkSize), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                Log.RecordCloseReceived(Socket.CloseStatus, Socket.CloseStatusDescription);
                return new Inbound(InboundKind.Close, null);
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageSize)
            {
                return new Inbound(InboundKind.TooBig, null);
            }

            if (result.EndOfMessage)
            {
                var message = new ReceivedMessage(result.MessageType, buffer.WrittenMemory.ToArray());
                Log.RecordMessage(message);
                return new Inbound(InboundKind.Message, message);
            }
        }
    }

    /// <summary>Sends one frame and counts its payload once the send completed.</summary>
    public async Task SendAsync(WebSocketMessageType type, ReadOnlyMemory<byte> data, bool endOfMessage, CancellationToken cancellationToken)
    {
        await Socket.SendAsync(data, type, endOfMessage, cancellationToken).ConfigureAwait(false);
        Log.RecordBytesSent(data.Length);
    }

    /// <summary>Answers the client's close frame with one carrying the same code and reason.</summary>
    public async Task AnswerCloseAsync(CancellationToken cancellationToken)
    {
        if (Socket.State != WebSocketState.CloseReceived)
        {
            return;
        }

        var status = Socket.CloseStatus ?? WebSocketCloseStatus.Empty;
        var description = status == WebSocketCloseStatus.Empty ? null : Socket.CloseStatusDescription;
        await Socket.CloseOutputAsync(status, description, cancellationToken).ConfigureAwait(false);
        Log.RecordCloseAnswered();
    }

    /// <summary>Starts a close handshake and waits (bounded) for the client's close frame.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string? description)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Stopping);
        timeout.CancelAfter(CloseHandshakeTimeout);
        Log.RecordCloseSent(status, description);
        await Socket.CloseAsync(status, description, timeout.Token).ConfigureAwait(false);
        Log.RecordCloseReceived(Socket.CloseStatus, Socket.CloseStatusDescription);
    }

    /// <summary>
    /// Receives messages, echoing each with its type when <paramref name="echo"/> is set, until
    /// <paramref name="messageLimit"/> messages arrived (returns true) or the client closed (answered, or handed to
    /// <paramref name="onClientClose"/>, which answers it; returns false). A message over <see cref="MaxMessageSize"/> ends
    /// the conversation with a 1009 close (returns false). <paramref name="afterEcho"/> runs after each echo, with the count so far.
    /// </summary>
    public async Task<bool> EchoAsync(bool echo = true, int? messageLimit = null, Func<Task>? onClientClose = null, Func<int, Task>? afterEcho = null)
    {
        var received = 0;
        while (messageLimit is null || received < messageLimit)
        {
            var inbound = await ReceiveAsync(Stopping).ConfigureAwait(false);
            switch (inbound.Kind)
            {
                case InboundKind.Close:
                    await (onClientClose?.Invoke() ?? AnswerCloseAsync(Stopping)).ConfigureAwait(false);
                    return false;
                case InboundKind.TooBig:
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big").ConfigureAwait(false);
                    return false;
                default:
                    received++;
                    if (echo)
                    {
                        var message = inbound.Message!;
                        await SendAsync(message.Type, message.Data, endOfMessage: true, Stopping).ConfigureAwait(false);
                    }

                    if (afterEcho is not null)
                    {
                        await afterEcho(received).ConfigureAwait(false);
                    }

                    break;
            }
        }

        return true;
    }
}
