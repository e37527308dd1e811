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

    /// <summary>
    /// How long to wait for the answer to a keep-alive ping before the connection is considered lost.
    /// <see cref="Timeout.InfiniteTimeSpan"/> (the default) only sends pings. Honoured on .NET 9 and later.
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = Timeout.InfiniteTimeSpan;

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
