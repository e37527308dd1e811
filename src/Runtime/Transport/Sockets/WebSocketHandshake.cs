using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Security.Cryptography;
using System.Text;

namespace CpWebSocket.Transport.Sockets;

/// <summary>
/// The HTTP/1.1 opening handshake of RFC 6455 §4.1: the upgrade request, and the checks of the server's answer. A
/// <c>101</c> that does not prove the upgrade (its <c>Connection</c>, <c>Upgrade</c> and <c>Sec-WebSocket-Accept</c>
/// headers), or that names a subprotocol or an extension this side did not offer, fails the handshake.
/// </summary>
internal static class WebSocketHandshake
{
    private const string AcceptGuid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /// <summary>The upgrade request for <paramref name="context"/>, and the <c>Sec-WebSocket-Accept</c> it expects.</summary>
    public static HttpRequestMessage CreateRequest(WebSocketConnectContext context, out string expectedAccept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, context.Url)
        {
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };

        foreach (var header in context.RequestHeaders)
        {
            request.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        Span<byte> nonce = stackalloc byte[16];
        RandomNumberGenerator.Fill(nonce);
        var key = Convert.ToBase64String(nonce);
        expectedAccept = AcceptFor(key);

        var headers = request.Headers;
        headers.TryAddWithoutValidation("Connection", "Upgrade");
        headers.TryAddWithoutValidation("Upgrade", "websocket");
        headers.TryAddWithoutValidation("Sec-WebSocket-Version", "13");
        headers.TryAddWithoutValidation("Sec-WebSocket-Key", key);
        if (context.SubProtocols.Count > 0)
        {
            headers.TryAddWithoutValidation("Sec-WebSocket-Protocol", string.Join(", ", context.SubProtocols));
        }

        if (context.DeflateOptions is { } deflate)
        {
            headers.TryAddWithoutValidation("Sec-WebSocket-Extensions", DeflateNegotiation.Offer(deflate));
        }

        return request;
    }

    /// <summary>Checks the server's answer; returns the accepted subprotocol and the negotiated compression, if any.</summary>
    /// <exception cref="WebSocketException">The answer is not a valid acceptance of this request; the message says why.</exception>
    public static (string? SubProtocol, WebSocketDeflateOptions? Deflate) Validate(HttpResponseMessage response, WebSocketConnectContext context, string expectedAccept)
    {
        if (response.StatusCode != HttpStatusCode.SwitchingProtocols)
        {
            throw new WebSocketException(
                WebSocketError.NotAWebSocket,
                $"The server answered the opening handshake with {(int)response.StatusCode} ({response.ReasonPhrase}) instead of 101 Switching Protocols.");
        }

        var headers = response.Headers.NonValidated;
        RequireToken(headers, "Connection", "Upgrade");
        RequireToken(headers, "Upgrade", "websocket");
        var accept = Single(headers, "Sec-WebSocket-Accept");
        if (!string.Equals(accept, expectedAccept, StringComparison.Ordinal))
        {
            throw new WebSocketException(
                WebSocketError.HeaderError,
                $"The server's Sec-WebSocket-Accept '{accept}' does not answer this handshake's key (RFC 6455 §4.1).");
        }

        string? subProtocol = null;
        if (headers.TryGetValues("Sec-WebSocket-Protocol", out var protocols))
        {
            var named = string.Join(", ", protocols).Trim();
            subProtocol = context.SubProtocols.FirstOrDefault(offered => string.Equals(offered, named, StringComparison.OrdinalIgnoreCase));
            if (named.Length > 0 && subProtocol is null)
            {
                var offered = context.SubProtocols.Count == 0 ? "none was offered" : $"the offer was '{string.Join(", ", context.SubProtocols)}'";
                throw new WebSocketException(
                    WebSocketError.UnsupportedProtocol,
                    $"The server accepted the subprotocol '{named}', which this client did not offer ({offered}); RFC 6455 §4.1 requires failing the connection.");
            }
        }

        WebSocketDeflateOptions? deflate = null;
        if (headers.TryGetValues("Sec-WebSocket-Extensions", out var extensions))
        {
            foreach (var extension in string.Join(",", extensions).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var name = extension.Split(';', 2)[0].Trim();
                if (context.DeflateOptions is null || !string.Equals(name, DeflateNegotiation.Extension, StringComparison.OrdinalIgnoreCase) || deflate is not null)
                {
                    var offered = context.DeflateOptions is null ? "none was offered" : $"only {DeflateNegotiation.Extension} was offered, once";
                    throw new WebSocketException(
                        WebSocketError.HeaderError,
                        $"The server accepted the extension '{extension}', which this client did not offer ({offered}); RFC 6455 §4.1 requires failing the connection.");
                }

                deflate = DeflateNegotiation.Accept(extension, context.DeflateOptions);
            }
        }

        return (subProtocol, deflate);
    }

    private static string AcceptFor(string key)
    {
        Span<byte> hash = stackalloc byte[20];
#pragma warning disable CA5350 // RFC 6455 fixes SHA-1 for this check; it is not used for security.
        SHA1.HashData(Encoding.ASCII.GetBytes(key + AcceptGuid), hash);
#pragma warning restore CA5350
        return Convert.ToBase64String(hash);
    }

    private static void RequireToken(HttpHeadersNonValidated headers, string name, string token)
    {
        if (!headers.TryGetValues(name, out var values)
            || !values.SelectMany(value => value.Split(',', StringSplitOptions.TrimEntries)).Contains(token, StringComparer.OrdinalIgnoreCase))
        {
            throw new WebSocketException(
                WebSocketError.HeaderError,
                $"The server's 101 answer lacks '{name}: {token}', so it did not upgrade the connection (RFC 6455 §4.1).");
        }
    }

    private static string Single(HttpHeadersNonValidated headers, string name)
    {
        if (!headers.TryGetValues(name, out var values) || values.Count != 1)
        {
            throw new WebSocketException(WebSocketError.HeaderError, $"The server's 101 answer has no single '{name}' header (RFC 6455 §4.1).");
        }

        return values.First().Trim();
    }
}
