using CpWebSocket.Benchmarks.Contracts;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>
/// One client of the echo server. It sends typed messages and hands every echo, deserialized into its record,
/// to <see cref="EchoSink"/>.
/// </summary>
public interface IEchoContender : IAsyncDisposable
{
    Contender Kind { get; }

    EchoSink Sink { get; }

    /// <summary>Sends one message; completes when this contender considers it sent (written, or queued when that is its only API).</summary>
    ValueTask SendAsync(Trade message);

    /// <inheritdoc cref="SendAsync(Trade)"/>
    ValueTask SendAsync(BookSnapshot message);
}
