using CpWebSocket.Benchmarks.Contracts;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>The generated <see cref="EchoClient"/>, used as its README shows: typed events, typed SendAsync.</summary>
public sealed class GeneratedContender : IEchoContender
{
    private readonly EchoClient _client;

    private GeneratedContender(EchoClient client, EchoSink sink)
    {
        _client = client;
        Sink = sink;
    }

    public Contender Kind => Contender.Generated;

    public EchoSink Sink { get; }

    public static async Task<GeneratedContender> ConnectAsync(Uri url)
    {
        var sink = new EchoSink();
        var client = new EchoClient(url, new HttpWebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        client.TradeReceived += sink.OnTrade;
        client.BookSnapshotReceived += sink.OnBook;
        client.Error += error => Console.Error.WriteLine($"generated client: {error}");
        await client.OpenAsync().ConfigureAwait(false);
        return new GeneratedContender(client, sink);
    }

    public ValueTask SendAsync(Trade message) => _client.SendAsync(message);

    public ValueTask SendAsync(BookSnapshot message) => _client.SendAsync(message);

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
