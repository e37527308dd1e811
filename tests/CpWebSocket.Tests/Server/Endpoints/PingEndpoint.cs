using Microsoft.AspNetCore.Http;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary><c>/ping?interval_ms=50</c>: like <c>/echo</c>, with the server sending keep-alive pings at that interval.</summary>
internal sealed class PingEndpoint : WebSocketEndpoint
{
    public override string Path => "/ping";

    public override WebSocketAcceptContext CreateAcceptContext(HttpContext context) => new()
    {
        KeepAliveInterval = TimeSpan.FromMilliseconds(QueryParameters.GetInt32(context, "interval_ms", 50)),
    };

    public override Task RunAsync(WebSocketSession session) => session.EchoAsync();
}
