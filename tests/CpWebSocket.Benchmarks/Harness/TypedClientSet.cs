using CpWebSocket.Benchmarks.Contracts;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>Generated typed clients (<see cref="EchoClient"/>) with default options and a handler for each received contract.</summary>
internal sealed class TypedClientSet : IdleConnectionSet
{
    private readonly EchoClient[] _clients;

    private TypedClientSet(EchoClient[] clients) => _clients = clients;

    public static async Task<TypedClientSet> OpenAsync(Uri echo, int count) =>
        new(await OpenAllAsync(count, async () =>
        {
            var client = new EchoClient(echo);
            client.TradeReceived += OnTrade;
            client.BookSnapshotReceived += OnBook;
            await client.OpenAsync().ConfigureAwait(false);
            return client;
        }).ConfigureAwait(false));

    public override int CountOpen() => _clients.Count(client => client.IsOpen);

    public override async Task CloseAsync()
    {
        var closes = await Task.WhenAll(_clients.Select(async client =>
        {
            var closed = default(WebSocketCloseInfo);
            client.Closed += close => closed = close;
            await client.DisposeAsync().ConfigureAwait(false);
            return closed;
        })).ConfigureAwait(false);
        EnsureClosedNormally(closes, "typed client");
    }

    private static void OnTrade(Trade trade)
    {
    }

    private static void OnBook(BookSnapshot book)
    {
    }
}
