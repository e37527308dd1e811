namespace CpWebSocket.Hosting;

/// <summary>
/// How a registered websocket client is created: the server's address and the settings of its connection.
/// </summary>
/// <remarks>
/// <para>
/// A configuration section given to <c>AddWebSocketClient</c> binds at one level: <c>Url</c>, and the properties of
/// <see cref="HttpWebSocketOptions"/> that configuration can hold (<c>RequestHeaders</c>, <c>SubProtocols</c>,
/// <c>KeepAliveInterval</c>, <c>KeepAliveTimeout</c>, <c>MaxMessageSize</c>, <c>ConnectTimeout</c>, <c>CloseTimeout</c>,
/// <c>Reconnect</c>). Code configures the same options with <c>ConfigureOptions</c>, after the section.
/// </para>
/// <para>
/// The options are read once, when the client is created (the first time it is resolved, or when the host starts for
/// a client with a hosted lifetime); a configuration reload after that does not change a client that exists.
/// </para>
/// </remarks>
public sealed class WebSocketClientOptions
{
    /// <summary>The server's address, <c>ws://</c> or <c>wss://</c>. Required.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// The settings of the client's connection. When <see cref="HttpWebSocketOptions.Logger"/> is left
    /// <see langword="null"/>, the client logs through the app's <c>ILoggerFactory</c>, under the client type's full name
    /// (followed by <c>.</c> and the client's name, for a named client). When <see cref="HttpWebSocketOptions.MeterFactory"/>
    /// is left <see langword="null"/>, the client records its metrics on the app's <c>IMeterFactory</c> (registered by the
    /// generic host), so that its meter belongs to the app.
    /// </summary>
    public HttpWebSocketOptions Connection { get; } = new();
}
