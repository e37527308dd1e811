namespace CpWebSocket.Benchmarks.Contracts;

/// <summary>
/// The response to a <see cref="Trade"/> sent as a request: the same fields, read from the echo of the request, whose
/// discriminator is the request's own (a response is matched by its request id and its discriminator).
/// </summary>
[Message(Trade.Discriminator)]
public sealed record TradeReply(long Id, string Symbol, double Price, int Quantity, string Side, long Timestamp);
