namespace CpWebSocket.Benchmarks.Contracts;

/// <summary>The response to a <see cref="BookSnapshot"/> sent as a request: the same fields, read from its echo (same discriminator).</summary>
[Message(BookSnapshot.Discriminator)]
public sealed record BookReply(long Id, string Symbol, long Timestamp, IReadOnlyList<BookLevel> Bids, IReadOnlyList<BookLevel> Asks);
