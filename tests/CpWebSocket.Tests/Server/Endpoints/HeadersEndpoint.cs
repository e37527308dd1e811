using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// <c>/headers</c>: accepts with the first requested subprotocol (if any), setting the cookie <c>set-by=headers</c> in
/// its answer, sends one text message
/// <c>{"authorization":"...","subprotocols":["a","b"],"accepted":"a","clientCertificate":"THUMBPRINT","headers":{"name":"value"}}</c>
/// (absent values are null; header names lower-cased), then echoes like <c>/echo</c>.
/// </summary>
internal sealed class HeadersEndpoint : WebSocketEndpoint
{
    public override string Path => "/headers";

    public override WebSocketAcceptContext CreateAcceptContext(HttpContext context)
    {
        var requested = context.WebSockets.WebSocketRequestedProtocols;
        context.Response.Headers.Append("Set-Cookie", "set-by=headers; Path=/");
        return new WebSocketAcceptContext { SubProtocol = requested.Count > 0 ? requested[0] : null };
    }

    public override async Task RunAsync(WebSocketSession session)
    {
        var request = session.Context.Request;
        using var json = new MemoryStream();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartObject();
            var authorization = request.Headers.Authorization;
            if (authorization.Count > 0)
            {
                writer.WriteString("authorization", authorization.ToString());
            }
            else
            {
                writer.WriteNull("authorization");
            }

            writer.WriteStartArray("subprotocols");
            foreach (var protocol in session.Context.WebSockets.WebSocketRequestedProtocols)
            {
                writer.WriteStringValue(protocol);
            }

            writer.WriteEndArray();
            writer.WriteString("accepted", session.Socket.SubProtocol);
            writer.WriteString("clientCertificate", session.Context.Connection.ClientCertificate?.Thumbprint);
            writer.WriteStartObject("headers");
            foreach (var (name, value) in session.Log.RequestHeaders)
            {
                writer.WriteString(name, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        await session.SendAsync(WebSocketMessageType.Text, json.ToArray(), endOfMessage: true, session.Stopping).ConfigureAwait(false);
        await session.EchoAsync().ConfigureAwait(false);
    }
}
