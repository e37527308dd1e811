using System.Collections.Concurrent;
using CpWebSocket.Messaging;

namespace CpWebSocket.Testing.Wire;

/// <summary>The <see cref="MessageProtocol"/> of a generated client type, read once per type.</summary>
internal static class ClientProtocols
{
    private static readonly ConcurrentDictionary<Type, MessageProtocol> Protocols = new();

    /// <summary>The protocol of <paramref name="clientType"/>.</summary>
    /// <exception cref="ArgumentException">The type has no public constructor <c>(Uri, HttpWebSocketOptions?)</c>, as generated clients have.</exception>
    public static MessageProtocol Of(Type clientType) => Protocols.GetOrAdd(clientType, Read);

    private static MessageProtocol Read(Type clientType)
    {
        // The protocol is the client type's own, shared by its instances; an instance that never opens shows it.
        var constructor = clientType.GetConstructor([typeof(Uri), typeof(HttpWebSocketOptions)])
            ?? throw new ArgumentException(
                $"{TypeDisplay.Of(clientType)} has no public constructor (Uri, HttpWebSocketOptions?); a client generated from [WebSocketClient] has one.",
                nameof(clientType));
        using var client = (MessageClient)constructor.Invoke([new Uri("ws://in-memory.test/"), null]);
        return client.Protocol;
    }
}
