using System.Text.Json;

namespace CpWebSocket.Benchmarks.Contracts;

/// <summary>The messages every benchmark sends, built once so each contender sends the very same values.</summary>
public static class Samples
{
    /// <summary>The most the large message's JSON may take, envelope included.</summary>
    public const int LargeBytes = 64 * 1024;

    public static Trade Trade { get; } = new(1_234_567, "MSFT", 412.25, 250, "buy", 1_748_874_615_123);

    public static BookSnapshot Book { get; } = CreateBook();

    public static EchoMessage Of(MessageSize size) => size == MessageSize.Small ? Trade : Book;

    /// <summary>The message as it travels: <c>{"type":...}</c> first, then the record's properties.</summary>
    public static byte[] Utf8(MessageSize size) => JsonSerializer.SerializeToUtf8Bytes(Of(size), EchoJsonContext.Default.EchoMessage);

    /// <summary>Adds price levels while the JSON stays within <see cref="LargeBytes"/>; prices are exact in binary so they print short.</summary>
    private static BookSnapshot CreateBook()
    {
        var bids = new List<BookLevel>();
        var asks = new List<BookLevel>();
        var book = new BookSnapshot(7_654_321, "MSFT", 1_748_874_615_123, bids, asks);
        while (true)
        {
            var step = bids.Count * 0.25;
            bids.Add(new BookLevel(412.0 - step, 100 + (bids.Count % 7 * 50)));
            asks.Add(new BookLevel(412.25 + step, 100 + (asks.Count % 5 * 75)));

            // Checking the size only near the end keeps this linear.
            if (bids.Count > 900 && JsonSerializer.SerializeToUtf8Bytes<EchoMessage>(book, EchoJsonContext.Default.EchoMessage).Length > LargeBytes)
            {
                bids.RemoveAt(bids.Count - 1);
                asks.RemoveAt(asks.Count - 1);
                return book;
            }
        }
    }
}
