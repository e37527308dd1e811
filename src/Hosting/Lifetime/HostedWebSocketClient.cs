using CpWebSocket.Hosting.Registration;

namespace CpWebSocket.Hosting.Lifetime;

/// <summary>Marks a registered client for the hosted lifetime: opened when the host starts, closed when it stops.</summary>
/// <param name="Key">The client's type and name.</param>
internal sealed record HostedWebSocketClient(WebSocketClientKey Key);
