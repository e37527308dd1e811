namespace CpWebSocket.Benchmarks.Contracts;

/// <summary>
/// The response to a <see cref="Trade"/> sent as a request: the same fields, read from the echo of the request.
/// Not a message contract: a response is matched by its request id, not routed by its discriminator.
/// </summary>
public sealed record TradeReply(long Id, string Symbol, double Price, int Quantity, string Side, long Timestamp);
