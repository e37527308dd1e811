using CpWebSocket.Tests.Protocols.Discord;
using CpWebSocket.Tests.Protocols.HomeAssistant;
using CpWebSocket.Tests.Protocols.JsonRpc;
using CpWebSocket.Tests.Protocols.Obs;

namespace CpWebSocket.Tests.Protocols;

/// <summary>One <see cref="PeerHost"/> serving every protocol peer, shared by the tests of <see cref="ProtocolPeersCollectionDefinition"/>.</summary>
public sealed class ProtocolPeersFixture : IAsyncLifetime
{
    private PeerHost? _host;

    public PeerHost Host => _host ?? throw new InvalidOperationException("The protocol peers have not started.");

    public async Task InitializeAsync() => _host = await PeerHost.StartAsync(new Dictionary<string, Func<PeerSocket, Task>>(StringComparer.Ordinal)
    {
        [ObsPeer.Path] = ObsPeer.RunAsync,
        [HomeAssistantPeer.Path] = HomeAssistantPeer.RunAsync,
        [DiscordPeer.Path] = DiscordPeer.RunAsync,
        [JsonRpcPeer.Path] = JsonRpcPeer.RunAsync,
    });

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
