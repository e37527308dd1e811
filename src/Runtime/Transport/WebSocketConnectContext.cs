using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;

namespace CpWebSocket.Transport;

/// <summary>
/// Everything a <see cref="WebSocketTransport"/> needs for one connection attempt. The connection makes a new one for
/// every attempt, so the address and the headers can differ from one attempt to the next: an <c>OnConnecting</c> hook
/// changes <see cref="Url"/> and <see cref="RequestHeaders"/> before the transport reads them (a refreshed token, a
/// resume address). A transport reads them here, never from the connection's options.
/// </summary>
public sealed class WebSocketConnectContext
{
    /// <summary>Creates the context of one attempt.</summary>
    /// <param name="url">The server's address, <c>ws://</c> or <c>wss://</c>.</param>
    /// <param name="attempt">0 for an <see cref="HttpWebSocket.Open"/>; the reconnect attempt number (from 1) otherwise.</param>
    public WebSocketConnectContext(Uri url, int attempt = 0)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        _url = url;
        Attempt = attempt;
    }

    private Uri _url;

    /// <summary>
    /// The server's address for this attempt: the connection's <see cref="HttpWebSocket.Url"/> unless an
    /// <c>OnConnecting</c> hook set another (an absolute <c>ws://</c> or <c>wss://</c> address).
    /// </summary>
    /// <exception cref="ArgumentException">The value is not an absolute <c>ws://</c> or <c>wss://</c> address.</exception>
    public Uri Url
    {
        get => _url;
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            if (!value.IsAbsoluteUri || (value.Scheme != "ws" && value.Scheme != "wss"))
            {
                throw new ArgumentException($"'{value}' is not a websocket address: use an absolute ws:// or wss:// URL.", nameof(value));
            }

            _url = value;
        }
    }

    /// <summary>0 for an <see cref="HttpWebSocket.Open"/>; the reconnect attempt number (from 1) otherwise.</summary>
    public int Attempt { get; }

    /// <summary>How long the connection waited before this attempt (the reconnect policy's delay); zero for an <see cref="HttpWebSocket.Open"/>.</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>What ended the connection or attempt before this one; <see langword="null"/> for an <see cref="HttpWebSocket.Open"/>.</summary>
    public ReconnectCause? Cause { get; init; }

    /// <summary>Headers of the opening handshake, such as <c>Authorization</c>.</summary>
    public IDictionary<string, string> RequestHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Subprotocols to offer, in order of preference.</summary>
    public IList<string> SubProtocols { get; } = new List<string>();

    /// <summary>The largest inbound message the connection accepts; a transport may refuse a larger one as it is announced.</summary>
    public int MaxMessageSize { get; init; } = 4 * 1024 * 1024;

    /// <summary>How often to send a keep-alive ping; <see cref="TimeSpan.Zero"/> for none.</summary>
    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a keep-alive ping may go unanswered before the connection is aborted; <see cref="Timeout.InfiniteTimeSpan"/> for ever.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The HTTP proxy of the opening handshake; <see langword="null"/> for the system's (<see cref="HttpClient.DefaultProxy"/>).</summary>
    public IWebProxy? Proxy { get; init; }

    /// <summary>Certificates to offer when the server asks for one (<c>wss://</c>).</summary>
    public X509CertificateCollection? ClientCertificates { get; init; }

    /// <summary>Cookies to send with the opening handshake, and to keep those the server sets.</summary>
    public CookieContainer? Cookies { get; init; }

    /// <summary>Validates the server's certificate (<c>wss://</c>); <see langword="null"/> for the platform's validation.</summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidationCallback { get; init; }

    /// <summary>The permessage-deflate parameters to offer; <see langword="null"/> offers no compression.</summary>
    public WebSocketDeflateOptions? DeflateOptions { get; init; }

    /// <summary>
    /// Sends the opening handshake instead of a handler the transport makes; the app keeps and disposes it. Proxy,
    /// certificates, cookies and certificate validation are then the invoker's own settings.
    /// </summary>
    public HttpMessageInvoker? HttpMessageInvoker { get; init; }

    /// <summary>What the built-in transport observes on the wire, for the connection's reports; set while connecting.</summary>
    internal TransportSignals? Signals { get; set; }
}
