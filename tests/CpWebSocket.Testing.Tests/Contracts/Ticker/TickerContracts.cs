namespace CpWebSocket.Testing.Tests.Contracts.Ticker;

// Wrapped messages: the discriminator in "event", the message in "data": {"event":"subscribe","data":{"symbol":"ACME","depth":10}}.

[Message("subscribe")] public sealed record Subscribe(string Symbol, int Depth);
[Message("quote")] public sealed record Quote(string Symbol, decimal Bid, decimal Ask);
[Message("halted")] public sealed record Halted;

[WebSocketClient(DiscriminatorProperty = "event", PayloadProperty = "data")]
[Sends(typeof(Subscribe))]
[Receives(typeof(Quote))]
[Receives(typeof(Halted))]
public sealed partial class TickerClient;
