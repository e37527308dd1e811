using Microsoft.AspNetCore.Http;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>One websocket endpoint of the test server: how to accept the upgrade, and what to do after.</summary>
internal abstract class WebSocketEndpoint
{
    /// <summary>The request path this endpoint answers, for example <c>/echo</c>.</summary>
    public abstract string Path { get; }

    /// <summary>The accept options for one request; override to pick a subprotocol or a keep-alive interval.</summary>
    public virtual WebSocketAcceptContext CreateAcceptContext(HttpContext context) => new();

    /// <summary>Runs the conversation on an accepted websocket.</summary>
    public abstract Task RunAsync(WebSocketSession session);
}
