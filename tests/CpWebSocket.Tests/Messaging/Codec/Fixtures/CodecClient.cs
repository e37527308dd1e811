using System.Text;
using CpWebSocket.Messaging;

namespace CpWebSocket.Tests.Messaging.Codec.Fixtures;

/// <summary>
/// A typed client that is never opened: tests feed it received messages through the connection's interceptor
/// and read what it raised.
/// </summary>
public sealed class CodecClient : MessageClient
{
    public CodecClient(InboundRouter router)
        : base(new Uri("ws://127.0.0.1:9/codec"), null, router)
    {
        Error += Errors.Add;
        Unhandled += message => UnhandledMessages.Add((message.Discriminator, message.GetText()));
    }

    public List<WebSocketErrorInfo> Errors { get; } = [];

    public List<(MessageDiscriminator Discriminator, string Text)> UnhandledMessages { get; } = [];

    public List<object> Received { get; } = [];

    /// <summary>The last tick, quote or level received, stored without allocating.</summary>
    public Tick LastTick { get; set; }

    public Quote? LastQuote { get; set; }

    public Level? LastLevel { get; set; }

    /// <summary>A handler that records each message in <see cref="Received"/>.</summary>
    public static InboundHandler<T> Record<T>() where T : notnull =>
        static (client, message, _, _) =>
        {
            ((CodecClient)client).Received.Add(message);
            return default;
        };

    /// <summary>Delivers a text message as the connection would.</summary>
    public ValueTask ReceiveText(string json) => ReceiveAsync(new WebSocketMessage(WebSocketMessageKind.Text, Encoding.UTF8.GetBytes(json)));

    /// <summary>Delivers bytes as the connection would.</summary>
    public ValueTask Receive(WebSocketMessageKind kind, byte[] data) => ReceiveAsync(new WebSocketMessage(kind, data));

    /// <summary>The typed send of a generated client.</summary>
    public ValueTask SendTypedAsync<T>(T message, OutboundContract<T> contract, CancellationToken cancellationToken = default) =>
        SendMessageAsync(message, contract, cancellationToken);
}
