using CpWebSocket.Benchmarks.Contracts;
using CpWebSocket.Benchmarks.Server;
using Microsoft.AspNetCore.SignalR.Client;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>
/// SignalR's own request/response: <c>HubConnection.InvokeAsync&lt;T&gt;</c> on a hub method that returns its
/// argument, over a connection set up as <see cref="SignalRContender"/> sets up its own.
/// </summary>
public sealed class SignalRRequestContender : IRequestContender
{
    private readonly HubConnection _connection;

    private SignalRRequestContender(HubConnection connection)
    {
        _connection = connection;
    }

    public Contender Kind => Contender.SignalR;

    /// <param name="hub">The hub's address.</param>
    public static async Task<SignalRRequestContender> ConnectAsync(Uri hub)
    {
        var connection = SignalRContender.CreateConnection(hub, counter: null);
        await connection.StartAsync().ConfigureAwait(false);
        return new SignalRRequestContender(connection);
    }

    public ValueTask<TradeReply> RequestAsync(Trade request) => new(_connection.InvokeAsync<TradeReply>(EchoHub.EchoTradeMethod, request));

    public ValueTask<BookReply> RequestAsync(BookSnapshot request) => new(_connection.InvokeAsync<BookReply>(EchoHub.EchoBookMethod, request));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
