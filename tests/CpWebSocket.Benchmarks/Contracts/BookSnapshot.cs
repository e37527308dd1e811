namespace CpWebSocket.Benchmarks.Contracts;

/// <summary>The large message: an order book snapshot of 64 KiB of JSON (see <see cref="Samples.Book"/>).</summary>
[Message(Discriminator)]
public sealed record BookSnapshot(long Id, string Symbol, long Timestamp, IReadOnlyList<BookLevel> Bids, IReadOnlyList<BookLevel> Asks) : EchoMessage
{
    public const string Discriminator = "echo.book";
}
