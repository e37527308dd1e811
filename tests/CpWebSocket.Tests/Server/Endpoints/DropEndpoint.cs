namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// <c>/drop?after=N</c>: records the first N messages (default 0) without answering, then aborts the TCP connection
/// without a close frame.
/// </summary>
/// <remarks>
/// Nothing is echoed: an abort resets the connection, and a reset may discard data the client has not read yet.
/// </remarks>
internal sealed class DropEndpoint : WebSocketEndpoint
{
    public override string Path => "/drop";

    public override async Task RunAsync(WebSocketSession session)
    {
        var after = QueryParameters.GetInt32(session.Context, "after", 0);
        if (await session.EchoAsync(echo: false, messageLimit: after).ConfigureAwait(false))
        {
            session.Log.RecordAborted();
            session.Context.Abort();
        }
    }
}
