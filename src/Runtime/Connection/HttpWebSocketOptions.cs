using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.WebSockets;
using System.Security.Cryptography.X509Certificates;
using CpWebSocket.Transport;
using Microsoft.Extensions.Logging;

namespace CpWebSocket;

/// <summary>Settings of an <see cref="HttpWebSocket"/>. Read when a connection is opened.</summary>
public sealed class HttpWebSocketOptions
{
    /// <summary>The default for <see cref="MaxMessageSize"/>: 4 MiB.</summary>
    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    private Dictionary<string, string>? _requestHeaders;
    private List<string>? _subProtocols;
    private X509CertificateCollection? _clientCertificates;

    /// <summary>Request headers sent with the opening handshake, such as <c>Authorization</c>.</summary>
    public IDictionary<string, string> RequestHeaders => _requestHeaders ??= new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Subprotocols offered in the opening handshake, in order of preference.</summary>
    public IList<string> SubProtocols => _subProtocols ??= [];

    /// <summary>
    /// Opens the connections: <see langword="null"/> (the default) for <see cref="Transport.Sockets.SocketsWebSocketTransport"/>,
    /// over <see cref="System.Net.WebSockets"/>; another <see cref="WebSocketTransport"/> (such as the one over an app's
    /// <c>Websocket.Client</c>) to connect through it. The connection's behaviour (events, order, limits, close) is the same
    /// over every transport.
    /// </summary>
    public WebSocketTransport? Transport { get; set; }

    /// <summary>
    /// The HTTP proxy of the opening handshake. <see langword="null"/> (the default) uses the system's proxy, as
    /// <see cref="HttpClient.DefaultProxy"/> reads it (on Linux and macOS the <c>HTTPS_PROXY</c>, <c>HTTP_PROXY</c> and
    /// <c>NO_PROXY</c> environment variables); <c>new WebProxy()</c> connects directly whatever the system says. A
    /// <c>ws://</c> connection through a proxy is tunnelled with <c>CONNECT</c>, like a <c>wss://</c> one.
    /// </summary>
    public IWebProxy? Proxy { get; set; }

    /// <summary>Certificates offered to a <c>wss://</c> server that asks for one (TLS client authentication). Empty by default.</summary>
    public X509CertificateCollection ClientCertificates => _clientCertificates ??= [];

    /// <summary>Cookies sent with the opening handshake; cookies the server sets in its answer are stored in it. <see langword="null"/> (the default) sends none.</summary>
    public CookieContainer? Cookies { get; set; }

    /// <summary>
    /// Offers permessage-deflate compression (RFC 7692) with these parameters; <see langword="null"/> (the default) offers
    /// none. Messages are compressed only when the server accepts the offer, with the parameters it accepted. Do not compress messages that carry a secret next to data an attacker chooses: the compressed size can
    /// reveal the secret (the CRIME and BREACH attacks).
    /// </summary>
    public WebSocketDeflateOptions? DeflateOptions { get; set; }

    /// <summary>
    /// Sends the opening handshake through this invoker (for example an <see cref="HttpClient"/> with handlers of the app's
    /// own) instead of one the connection makes; the app keeps it and disposes it. Its handler must be a
    /// <see cref="SocketsHttpHandler"/> (or delegate to one) that allows HTTP/1.1. Set the proxy, certificates, cookies and
    /// certificate validation on that handler: those options here must then stay unset.
    /// </summary>
    public HttpMessageInvoker? HttpMessageInvoker { get; set; }

    /// <summary>How often a keep-alive ping is sent. <see cref="TimeSpan.Zero"/> turns keep-alive off. Default 30 seconds.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The default for <see cref="KeepAliveTimeout"/>: 30 seconds.</summary>
    public static readonly TimeSpan DefaultKeepAliveTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a keep-alive ping may go unanswered before the connection is considered lost. The connection is then
    /// aborted: an <see cref="WebSocketErrorKind.ConnectionLost"/> error whose message says that no keep-alive pong
    /// arrived within this time, then <see cref="WebSocketEvent.Closed"/> (and a reconnect, if the policy allows).
    /// Default <see cref="DefaultKeepAliveTimeout"/>, so a peer that stopped answering (a host gone without a word, a
    /// stalled route) is noticed within <see cref="KeepAliveInterval"/> plus this time.
    /// <see cref="Timeout.InfiniteTimeSpan"/> sends keep-alive frames without waiting for any answer.
    /// No effect when <see cref="KeepAliveInterval"/> is zero.
    /// </summary>
    /// <remarks>
    /// Honoured on .NET 9 and later only, where <c>WebSocketCreationOptions.KeepAliveTimeout</c> exists. On .NET 8 this
    /// setting is ignored: keep-alive frames are sent but no answer is awaited, so a silent peer is noticed only when a
    /// send fails, which TCP may take many minutes to report.
    /// </remarks>
    public TimeSpan KeepAliveTimeout { get; set; } = DefaultKeepAliveTimeout;

    /// <summary>
    /// Validates the server's TLS certificate for <c>wss://</c>. <see langword="null"/> (the default) uses the
    /// platform's validation, which refuses self-signed certificates.
    /// </summary>
    public RemoteCertificateValidationCallback? RemoteCertificateValidationCallback { get; set; }

    /// <summary>
    /// The largest inbound message accepted, in bytes. A larger one is refused while it arrives, without
    /// being buffered whole: an <see cref="WebSocketErrorKind.MessageTooLarge"/> error, then the connection
    /// closes with status 1009. Default <see cref="DefaultMaxMessageSize"/>.
    /// </summary>
    public int MaxMessageSize { get; set; } = DefaultMaxMessageSize;

    /// <summary>How long the opening handshake may take. Default 10 seconds.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long to wait for the peer to answer a close frame; after it the connection is aborted and the
    /// status becomes <see cref="WebSocketStatus.Closed"/> anyway. Default 5 seconds.
    /// </summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Reconnects after the connection is lost (and, when it says so, after a failed first connect).
    /// <see langword="null"/> (the default) never reconnects, like the seed.
    /// </summary>
    public ReconnectPolicy? Reconnect { get; set; }

    /// <summary>Where the connection logs what it does. <see langword="null"/> logs nothing.</summary>
    public ILogger? Logger { get; set; }

    /// <summary>
    /// Creates the <c>CpWebSocket</c> meter the connection records its metrics on (see <see cref="Diagnostics.WebSocketDiagnostics"/>):
    /// the app's <see cref="IMeterFactory"/> from dependency injection, so that its meters are scoped to its host.
    /// <see langword="null"/> (the default) records on one process-wide meter of the same name.
    /// </summary>
    public IMeterFactory? MeterFactory { get; set; }

    internal void Validate()
    {
        if (MaxMessageSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageSize), MaxMessageSize, "MaxMessageSize must be a positive number of bytes.");
        }

        ThrowIfNotPositive(ConnectTimeout, nameof(ConnectTimeout));
        ThrowIfNotPositive(CloseTimeout, nameof(CloseTimeout));
        if (KeepAliveInterval < TimeSpan.Zero && KeepAliveInterval != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(KeepAliveInterval), KeepAliveInterval, "KeepAliveInterval must be zero (off) or positive.");
        }

        ThrowIfNotPositive(KeepAliveTimeout, nameof(KeepAliveTimeout));
        if (HttpMessageInvoker is not null && (Proxy is not null || Cookies is not null || RemoteCertificateValidationCallback is not null || _clientCertificates is { Count: > 0 }))
        {
            throw new ArgumentException(
                "HttpMessageInvoker sends the handshake with its own handler: set the proxy, client certificates, cookies and certificate validation on that handler, not in HttpWebSocketOptions.",
                nameof(HttpMessageInvoker));
        }

        Reconnect?.Validate();
    }

    /// <summary>The transport's view of these options for one connection attempt.</summary>
    internal WebSocketConnectContext CreateContext(Uri url, int attempt, TimeSpan delay = default, ReconnectCause? cause = null)
    {
        var context = new WebSocketConnectContext(url, attempt)
        {
            Delay = delay,
            Cause = cause,
            MaxMessageSize = MaxMessageSize,
            KeepAliveInterval = KeepAliveInterval,
            KeepAliveTimeout = KeepAliveTimeout,
            Proxy = Proxy,
            ClientCertificates = _clientCertificates is { Count: > 0 } certificates ? certificates : null,
            Cookies = Cookies,
            RemoteCertificateValidationCallback = RemoteCertificateValidationCallback,
            DeflateOptions = DeflateOptions,
            HttpMessageInvoker = HttpMessageInvoker,
        };

        foreach (var header in _requestHeaders ?? [])
        {
            context.RequestHeaders[header.Key] = header.Value;
        }

        foreach (var subProtocol in _subProtocols ?? [])
        {
            context.SubProtocols.Add(subProtocol);
        }

        return context;
    }

    private static void ThrowIfNotPositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive or Timeout.InfiniteTimeSpan.");
        }
    }
}
