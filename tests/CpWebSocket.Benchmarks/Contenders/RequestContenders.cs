using CpWebSocket.Benchmarks.Server;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>Connects request contenders to the run's server: the raw echo endpoint, or the hub for SignalR.</summary>
public static class RequestContenders
{
    /// <summary>Websocket.Client has no request API, so it is not among them.</summary>
    public static readonly Contender[] All = [Contender.Generated, Contender.HandWritten, Contender.SignalR];

    public static async Task<IRequestContender> ConnectAsync(Contender kind, Uri server)
    {
        var echo = new Uri(server, EchoServer.EchoPath);
        return kind switch
        {
            Contender.Generated => await GeneratedRequestContender.ConnectAsync(echo).ConfigureAwait(false),
            Contender.HandWritten => await HandWrittenRequestContender.ConnectAsync(echo).ConfigureAwait(false),
            Contender.SignalR => await SignalRRequestContender.ConnectAsync(new Uri($"http://{server.Authority}{EchoServer.HubPath}")).ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "This contender makes no requests."),
        };
    }
}
