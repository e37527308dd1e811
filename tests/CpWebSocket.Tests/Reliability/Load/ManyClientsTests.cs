using System.Collections.Concurrent;
using System.Net.WebSockets;
using CpWebSocket.Tests.Server;

namespace CpWebSocket.Tests.Reliability.Load;

/// <summary>A thousand generated clients in one process, all open at once against the loopback server.</summary>
[Collection(LoadCollectionDefinition.Name)]
public sealed class ManyClientsTests
{
    private const int Clients = 1_000;

    // Opens in flight at once: well under Kestrel's listen backlog, so no connect waits on a SYN retry.
    private const int ConcurrentOpens = 50;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_thousand_typed_clients_each_round_trip_a_message_stay_open_together_and_close_with_normal_handshakes()
    {
        await using var server = await TestServer.StartAsync();
        var run = Guid.NewGuid().ToString("N");
        var options = new HttpWebSocketOptions { ConnectTimeout = Timeout, CloseTimeout = Timeout };
        var clients = new LoadClient[Clients];
        var echoes = new TaskCompletionSource<Sequenced>[Clients];
        var closes = new TaskCompletionSource<WebSocketCloseInfo>[Clients];
        var errors = new ConcurrentQueue<string>();
        try
        {
            for (var i = 0; i < Clients; i++)
            {
                var index = i;
                echoes[i] = new TaskCompletionSource<Sequenced>(TaskCreationOptions.RunContinuationsAsynchronously);
                closes[i] = new TaskCompletionSource<WebSocketCloseInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
                clients[i] = new LoadClient(server.WsUri($"/echo?tag={Tag(run, i)}"), options);
                clients[i].SequencedReceived += message => echoes[index].TrySetResult(message);
                clients[i].Closed += close => closes[index].TrySetResult(close);
                clients[i].Error += error => errors.Enqueue($"client {index}: {error.Kind}: {error.Message}");
            }

            using (var opening = new SemaphoreSlim(ConcurrentOpens))
            {
                await Task.WhenAll(clients.Select(async client =>
                {
                    await opening.WaitAsync();
                    try
                    {
                        await client.OpenAsync();
                    }
                    finally
                    {
                        opening.Release();
                    }
                })).WaitAsync(Timeout);
            }

            await Task.WhenAll(clients.Select((client, i) => client.SendAsync(Sequenced.For(i, 0)).AsTask())).WaitAsync(Timeout);
            var echoed = await Task.WhenAll(echoes.Select(echo => echo.Task)).WaitAsync(Timeout);
            for (var i = 0; i < Clients; i++)
            {
                Assert.Equal(Sequenced.For(i, 0), echoed[i]);
            }

            // All open at the same time, as each side sees it.
            Assert.All(clients, client => Assert.True(client.IsOpen));
            var logs = new ServerConnectionLog[Clients];
            for (var i = 0; i < Clients; i++)
            {
                logs[i] = await server.WaitForConnectionAsync("/echo", Timeout, Tag(run, i));
            }

            Assert.Equal(Clients, logs.Count(log => log.Accepted && !log.IsCompleted));

            await Task.WhenAll(clients.Select(client => client.CloseAsync())).WaitAsync(Timeout);
            var closed = await Task.WhenAll(closes.Select(close => close.Task)).WaitAsync(Timeout);
            await Task.WhenAll(logs.Select(log => log.WaitForCompletionAsync(Timeout)));

            Assert.All(clients, client => Assert.Equal(WebSocketStatus.Closed, client.Status));
            Assert.All(closed, close => Assert.Equal(new WebSocketCloseInfo(WebSocketCloseStatus.NormalClosure, string.Empty, ByPeer: false, WillReconnect: false), close));
            Assert.Equal(Clients, logs.Count(log =>
                log.MessageCount == 1
                && log.ClientCloseStatus == WebSocketCloseStatus.NormalClosure
                && log.CloseAnswered
                && log.Error is null));
            Assert.Empty(errors);
        }
        finally
        {
            await Task.WhenAll(clients.Where(client => client is not null).Select(client => client.DisposeAsync().AsTask()));
        }
    }

    private static string Tag(string run, int client) => $"{run}-{client}";
}
