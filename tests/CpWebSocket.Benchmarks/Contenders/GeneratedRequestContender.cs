using CpWebSocket.Benchmarks.Contracts;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>The generated <see cref="EchoRequestClient"/>'s request methods, against the raw echo endpoint.</summary>
public sealed class GeneratedRequestContender : IRequestContender
{
    private readonly EchoRequestClient _client;

    private GeneratedRequestContender(EchoRequestClient client)
    {
        _client = client;
    }

    public Contender Kind => Contender.Generated;

    public static async Task<GeneratedRequestContender> ConnectAsync(Uri url)
    {
        var client = new EchoRequestClient(url, new HttpWebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        client.Error += error => Console.Error.WriteLine($"generated request client: {error}");
        await client.OpenAsync().ConfigureAwait(false);
        return new GeneratedRequestContender(client);
    }

    public ValueTask<TradeReply> RequestAsync(Trade request) => new(_client.EchoTradeAsync(request));

    public ValueTask<BookReply> RequestAsync(BookSnapshot request) => new(_client.EchoBookAsync(request));

    public ValueTask DisposeAsync() => _client.DisposeAsync();
}
