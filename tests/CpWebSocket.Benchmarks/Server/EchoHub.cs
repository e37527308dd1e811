using CpWebSocket.Benchmarks.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace CpWebSocket.Benchmarks.Server;

/// <summary>
/// The SignalR side of the echo: <see cref="Trade(Contracts.Trade)"/> and <see cref="Book"/> send their argument back
/// to the caller only; <see cref="EchoTrade"/> and <see cref="EchoBook"/> return it, which answers an
/// <c>InvokeAsync</c>.
/// </summary>
public sealed class EchoHub : Hub
{
    public const string TradeMethod = "Trade";
    public const string BookMethod = "Book";
    public const string EchoTradeMethod = "EchoTrade";
    public const string EchoBookMethod = "EchoBook";

    public Task Trade(Trade message) => Clients.Caller.SendAsync(TradeMethod, message);

    public Task Book(BookSnapshot message) => Clients.Caller.SendAsync(BookMethod, message);

    public Trade EchoTrade(Trade message) => message;

    public BookSnapshot EchoBook(BookSnapshot message) => message;
}
