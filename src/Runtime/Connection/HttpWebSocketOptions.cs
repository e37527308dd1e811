using System.Net.Security;
using Microsoft.Extensions.Logging;

namespace CpWebSocket;

/// <summary>Settings of an <see cref="HttpWebSocket"/>. Read when a connection is opened.</summary>
public sealed class HttpWebSocketOptions
{
    /// <summary>The default for <see cref="MaxMessageSize"/>: 4 MiB.</summary>
    public const int DefaultMaxMessageSize = 4 * 1024 * 1024;

    /// <summary>Request headers sent with the opening handshake, such as <c>Authorization</c>.</summary>
    public IDictionary<string, string> RequestHeaders { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Subprotocols offered in the opening handshake, in order of preference.</summary>
    public IList<string> SubProtocols { get; } = new List<string>();

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
    /// Honoured on .NET 9 and later only, where <c>ClientWebSocketOptions.KeepAliveTimeout</c> exists. On .NET 8 this
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
    /// Reconnects after the connection is lost. <see langword="null"/> (the default) never reconnects, like the seed.
    /// </summary>
    public ReconnectPolicy? Reconnect { get; set; }

    /// <summary>Where the connection logs what it does. <see langword="null"/> logs nothing.</summary>
    public ILogger? Logger { get; set; }

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
        Reconnect?.Validate();
    }

    private static void ThrowIfNotPositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be positive or Timeout.InfiniteTimeSpan.");
        }
    }
}
