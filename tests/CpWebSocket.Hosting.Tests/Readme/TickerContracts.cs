namespace CpWebSocket.Hosting.Tests.Readme;

/// <summary>The README's subscription request.</summary>
/// <param name="Symbol">The symbol to watch.</param>
/// <param name="Count">How many ticks to send.</param>
[Message("tick.subscribe")]
public sealed record Subscribe(string Symbol, int Count);

/// <summary>The README's tick.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Seq">Its number.</param>
/// <param name="Price">The price.</param>
[Message("tick")]
public sealed record Tick(string Symbol, int Seq, decimal Price);

/// <summary>The README's typed client.</summary>
[WebSocketClient]
[Sends(typeof(Subscribe))]
[Receives(typeof(Tick))]
public sealed partial class TickerClient;
