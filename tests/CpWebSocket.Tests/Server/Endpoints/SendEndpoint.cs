using System.Net.WebSockets;
using System.Threading.Channels;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// <c>/send?kind=text|binary|invalid-utf8|oversized&amp;size=N&amp;count=K</c>: sends K messages (default 1) of that
/// kind, then echoes like <c>/echo</c>. Payloads are <see cref="ServerPayloads"/>: <c>text</c> and <c>binary</c> are
/// single frames of N bytes (default 16); <c>invalid-utf8</c> is a text frame 0xC3 0x28; <c>oversized</c> is a binary
/// message of N bytes (default 1 MiB) in 16 KiB fragments, cut short when the client's close frame arrives.
/// The client is read all along, so its close is seen (and <see cref="ServerConnectionLog.BytesSentWhenCloseReceived"/>
/// recorded) while the server is still sending, then answered with the same code.
/// </summary>
internal sealed class SendEndpoint : WebSocketEndpoint
{
    /// <summary>How long sends may still take after the client's close arrived before the connection is aborted.</summary>
    private static readonly TimeSpan SendGraceAfterClose = TimeSpan.FromSeconds(10);

    public override string Path => "/send";

    public override async Task RunAsync(WebSocketSession session)
    {
        var kind = QueryParameters.GetString(session.Context, "kind", "text");
        if (kind is not ("text" or "binary" or "invalid-utf8" or "oversized"))
        {
            throw new InvalidOperationException($"Unknown /send kind '{kind}'.");
        }

        var size = QueryParameters.GetInt64(session.Context, "size", kind == "oversized" ? 1024 * 1024 : 16);
        var count = QueryParameters.GetInt32(session.Context, "count", 1);

        using var closeSeen = new CancellationTokenSource();
        using var sendAbort = CancellationTokenSource.CreateLinkedTokenSource(session.Stopping);

        // A client that closes but stops reading could block a send forever; give up on it after a grace period.
        using var graceRegistration = closeSeen.Token.Register(() => sendAbort.CancelAfter(SendGraceAfterClose));

        // Only one task sends: the echoes queue up behind the generated messages.
        var echoes = Channel.CreateUnbounded<ReceivedMessage>();
        var receiver = ReceiveAllAsync(session, echoes.Writer, closeSeen);
        try
        {
            var complete = true;
            for (var index = 0; index < count && complete; index++)
            {
                complete = await SendOneAsync(session, kind, index, size, closeSeen.Token, sendAbort.Token).ConfigureAwait(false);
            }

            // After a message cut short, no other data message may follow it on the wire.
            if (complete)
            {
                await foreach (var message in echoes.Reader.ReadAllAsync(sendAbort.Token).ConfigureAwait(false))
                {
                    await session.SendAsync(message.Type, message.Data, endOfMessage: true, sendAbort.Token).ConfigureAwait(false);
                }
            }
        }
        catch
        {
            // Unblocks the receiver, which would otherwise wait for a client that may never close.
            session.Socket.Abort();
            await receiver.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        if (await receiver.ConfigureAwait(false) == InboundKind.TooBig)
        {
            await session.CloseAsync(WebSocketCloseStatus.MessageTooBig, "message too big").ConfigureAwait(false);
        }
        else
        {
            await session.AnswerCloseAsync(sendAbort.Token).ConfigureAwait(false);
        }
    }

    private static async Task<InboundKind> ReceiveAllAsync(WebSocketSession session, ChannelWriter<ReceivedMessage> echoes, CancellationTokenSource closeSeen)
    {
        try
        {
            while (true)
            {
                var inbound = await session.ReceiveAsync(session.Stopping).ConfigureAwait(false);
                if (inbound.Kind != InboundKind.Message)
                {
                    return inbound.Kind;
                }

                echoes.TryWrite(inbound.Message!);
            }
        }
        finally
        {
            echoes.TryComplete();
            await closeSeen.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Sends message <paramref name="index"/>; false when the client's close cut it short.</summary>
    private static async Task<bool> SendOneAsync(WebSocketSession session, string kind, int index, long size, CancellationToken closeSeen, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case "text":
                await session.SendAsync(WebSocketMessageType.Text, ServerPayloads.Text(index, checked((int)size)), endOfMessage: true, cancellationToken).ConfigureAwait(false);
                return true;
            case "binary":
                await session.SendAsync(WebSocketMessageType.Binary, ServerPayloads.Binary(index, checked((int)size)), endOfMessage: true, cancellationToken).ConfigureAwait(false);
                return true;
            case "invalid-utf8":
                await session.SendAsync(WebSocketMessageType.Text, ServerPayloads.InvalidUtf8(), endOfMessage: true, cancellationToken).ConfigureAwait(false);
                return true;
            default:
                if (size <= 0)
                {
                    await session.SendAsync(WebSocketMessageType.Binary, ReadOnlyMemory<byte>.Empty, endOfMessage: true, cancellationToken).ConfigureAwait(false);
                    return true;
                }

                var fragment = new byte[ServerPayloads.FragmentSize];
                for (long offset = 0; offset < size && !closeSeen.IsCancellationRequested; offset += fragment.Length)
                {
                    var length = (int)Math.Min(fragment.Length, size - offset);
                    ServerPayloads.Fill(fragment.AsSpan(0, length), index, offset);
                    var last = offset + length >= size;
                    await session.SendAsync(WebSocketMessageType.Binary, fragment.AsMemory(0, length), last, cancellationToken).ConfigureAwait(false);
                    if (last)
                    {
                        return true;
                    }
                }

                return false;
        }
    }
}
