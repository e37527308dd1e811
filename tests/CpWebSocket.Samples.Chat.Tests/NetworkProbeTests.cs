using CpWebSocket;
using CpWebSocket.Samples.Chat.Tests.Support;
using Samples.Chat;

namespace CpWebSocket.Samples.Chat.Tests;

/// <summary>The probe behind every other test's "no network" assertion sees a client that does use the network.</summary>
[Collection(nameof(NetworkProbeTests))]
public sealed class NetworkProbeTests
{
    [Fact]
    public async Task The_probe_sees_a_client_that_connects_over_the_network()
    {
        var before = NetworkProbe.Uses.Count;
        await using var chat = new ChatClient(new Uri("ws://127.0.0.1:9/"), new HttpWebSocketOptions { ConnectTimeout = TimeSpan.FromSeconds(10) });

        await Assert.ThrowsAsync<WebSocketConnectException>(() => chat.OpenAsync());   // nothing listens on the discard port

        Assert.Contains("System.Net.Sockets/ConnectStart", NetworkProbe.Uses.Skip(before));
    }
}

/// <summary>Runs the probe's test alone, after the others: it uses the network, which they must not see.</summary>
[CollectionDefinition(nameof(NetworkProbeTests), DisableParallelization = true)]
public sealed class NetworkProbeCollectionDefinition;
