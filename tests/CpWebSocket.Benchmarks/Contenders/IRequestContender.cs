using CpWebSocket.Benchmarks.Contracts;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>
/// One client making awaited requests: each call sends its message and completes with the response that answers
/// it, deserialized into its reply record.
/// </summary>
public interface IRequestContender : IAsyncDisposable
{
    Contender Kind { get; }

    ValueTask<TradeReply> RequestAsync(Trade request);

    ValueTask<BookReply> RequestAsync(BookSnapshot request);
}
