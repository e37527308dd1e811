namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// <c>/silent-close</c>: echoes messages, but never answers the client's close frame and keeps the TCP connection
/// open until the client goes away or the test server is disposed.
/// </summary>
internal sealed class SilentCloseEndpoint : WebSocketEndpoint
{
    public override string Path => "/silent-close";

    public override async Task RunAsync(WebSocketSession session)
    {
        while (true)
        {
            var inbound = await session.ReceiveAsync(session.Stopping).ConfigureAwait(false);
            if (inbound.Kind != InboundKind.Message)
            {
                break;
            }

            var message = inbound.Message!;
            await session.SendAsync(message.Type, message.Data, endOfMessage: true, session.Stopping).ConfigureAwait(false);
        }

        try
        {
            // Holding the request open holds the TCP connection open: the client's close handshake can never finish.
            await Task.Delay(Timeout.Infinite, session.Stopping).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
