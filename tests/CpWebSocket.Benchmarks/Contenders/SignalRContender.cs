using System.Net.WebSockets;
using CpWebSocket.Benchmarks.Contracts;
using CpWebSocket.Benchmarks.Harness;
using CpWebSocket.Benchmarks.Server;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CpWebSocket.Benchmarks.Contenders;

/// <summary>
/// The SignalR .NET client against <see cref="EchoHub"/>: websockets only, no negotiation round trip, typed
/// <c>On&lt;T&gt;</c> handlers, and the same source-generated metadata first in its resolver chain.
/// </summary>
public sealed class SignalRContender : IEchoContender
{
    private readonly HubConnection _connection;

    private SignalRContender(HubConnection connection, EchoSink sink)
    {
        _connection = connection;
        Sink = sink;
    }

    public Contender Kind => Contender.SignalR;

    public EchoSink Sink { get; }

    /// <param name="hub">The hub's address.</param>
    /// <param name="counter">Set to count the websocket messages (for the frame report); null uses SignalR's own socket setup.</param>
    public static async Task<SignalRContender> ConnectAsync(Uri hub, Action<FrameCountingWebSocket>? counter = null)
    {
        var connection = CreateConnection(hub, counter);
        var sink = new EchoSink();
        connection.On<Trade>(EchoHub.TradeMethod, sink.OnTrade);
        connection.On<BookSnapshot>(EchoHub.BookMethod, sink.OnBook);
        await connection.StartAsync().ConfigureAwait(false);
        return new SignalRContender(connection, sink);
    }

    /// <summary>A connection to <paramref name="hub"/>, not yet started, configured as every SignalR contender uses it.</summary>
    /// <param name="hub">The hub's address.</param>
    /// <param name="counter">Set to count the websocket messages (for the frame report); null uses SignalR's own socket setup.</param>
    public static HubConnection CreateConnection(Uri hub, Action<FrameCountingWebSocket>? counter) =>
        new HubConnectionBuilder()
            .WithUrl(hub, options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.ApplicationMaxBufferSize = EchoServer.MaxMessageSize;
                options.TransportMaxBufferSize = EchoServer.MaxMessageSize;
                if (counter is not null)
                {
                    options.WebSocketFactory = async (context, cancellationToken) =>
                    {
                        var socket = new ClientWebSocket();
                        await socket.ConnectAsync(context.Uri, cancellationToken).ConfigureAwait(false);
                        var counting = new FrameCountingWebSocket(socket);
                        counter(counting);
                        return counting;
                    };
                }
            })
            .AddJsonProtocol(json => json.PayloadSerializerOptions.TypeInfoResolverChain.Insert(0, EchoJsonContext.Default))
            .Build();

    public ValueTask SendAsync(Trade message) => new(_connection.SendAsync(EchoHub.TradeMethod, message));

    public ValueTask SendAsync(BookSnapshot message) => new(_connection.SendAsync(EchoHub.BookMethod, message));

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
