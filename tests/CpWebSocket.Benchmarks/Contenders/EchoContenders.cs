using CpWebSocket.Benchmarks.Contracts;
using CpWebSocket.Benchmarks.Server;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>Connects contenders to the run's server.</summary>
public static class EchoContenders
{
    /// <summary>Set by the process that hosts the server, so BenchmarkDotNet's benchmark processes find it.</summary>
    public const string ServerVariable = "CPWEBSOCKET_BENCH_SERVER";

    public static readonly Contender[] All = [Contender.Generated, Contender.HandWritten, Contender.WebsocketClient, Contender.SignalR];

    public static async Task<IEchoContender> ConnectAsync(Contender kind, Uri server)
    {
        var echo = new Uri(server, EchoServer.EchoPath);
        return kind switch
        {
            Contender.Generated => await GeneratedContender.ConnectAsync(echo).ConfigureAwait(false),
            Contender.HandWritten => await HandWrittenContender.ConnectAsync(echo).ConfigureAwait(false),
            Contender.WebsocketClient => await WebsocketClientContender.ConnectAsync(echo).ConfigureAwait(false),
            Contender.SignalR => await SignalRContender.ConnectAsync(new Uri($"http://{server.Authority}{EchoServer.HubPath}")).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    public static ValueTask SendAsync(this IEchoContender contender, MessageSize size) =>
        size == MessageSize.Small ? contender.SendAsync(Samples.Trade) : contender.SendAsync(Samples.Book);
}
