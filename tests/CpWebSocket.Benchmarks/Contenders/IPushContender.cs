namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>
/// One client of the push endpoint: it asks the server for a number of small trade messages and hands every one to
/// <see cref="EchoSink"/>, deserialized into its record (typed) or as it arrived (raw).
/// </summary>
public interface IPushContender : IAsyncDisposable
{
    EchoSink Sink { get; }

    /// <summary>Asks the server for <paramref name="count"/> messages.</summary>
    ValueTask RequestAsync(int count);
}
