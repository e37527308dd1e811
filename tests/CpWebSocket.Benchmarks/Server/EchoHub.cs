using CpWebSocket.Benchmarks.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace CpWebSocket.Benchmarks.Server;

/// <summary>The SignalR side of the echo: each hub method sends its argument back to the caller only.</summary>
public sealed class EchoHub : Hub
{
    public const string TradeMethod = "Trade";
    public const string BookMethod = "Book";

    public Task Trade(Trade message) => Clients.Caller.SendAsync(TradeMethod, message);

    public Task Book(BookSnapshot message) => Clients.Caller.SendAsync(BookMethod, message);
}
