using CpWebSocket.Documentation;
using Obs = CpWebSocket.Tests.Protocols.Obs;
using HomeAssistant = CpWebSocket.Tests.Protocols.HomeAssistant;
using Discord = CpWebSocket.Tests.Protocols.Discord;
using JsonRpc = CpWebSocket.Tests.Protocols.JsonRpc;
using Readme = CpWebSocket.Tests.Readme;

namespace CpWebSocket.Tests.Documentation;

/// <summary>
/// The documents of the README's clients and the four real protocols, pinned byte for byte in
/// <c>Documentation/Snapshots</c>. Payload schemas come from System.Text.Json's exporter, so the pinned documents are
/// those of .NET 9 and later; on .NET 8 the same structure is written with empty record schemas that say why.
/// </summary>
public sealed class DocumentSnapshotTests
{
    public static TheoryData<string> Clients => new(Documented.Keys.Order(StringComparer.Ordinal));

    private static readonly Dictionary<string, ClientContracts> Documented = new(StringComparer.Ordinal)
    {
        ["ChatClient"] = Readme.ChatClient.Contracts,
        ["RoomsClient"] = Readme.RoomsClient.Contracts,
        ["RpcRoomsClient"] = Readme.RpcRoomsClient.Contracts,
        ["ObsClient"] = Obs.ObsClient.Contracts,
        ["HomeAssistantClient"] = HomeAssistant.HomeAssistantClient.Contracts,
        ["DiscordClient"] = Discord.DiscordClient.Contracts,
        ["DeribitClient"] = JsonRpc.DeribitClient.Contracts,
    };

#if NET9_0_OR_GREATER
    [Theory]
    [MemberData(nameof(Clients))]
    public void The_document_matches_its_snapshot(string client)
    {
        DocumentSnapshot.Verify(client, "json", AsyncApiDocument.Create(Documented[client]).ToJson());
    }

    [Fact]
    public void The_yaml_document_matches_its_snapshot()
    {
        DocumentSnapshot.Verify("ObsClient", "yaml", AsyncApiDocument.Create(Obs.ObsClient.Contracts).ToYaml());
    }
#else
    [Theory]
    [MemberData(nameof(Clients))]
    public void On_net8_each_record_schema_is_empty_and_says_why(string client)
    {
        var document = AsyncApiDocument.Create(Documented[client]).ToJsonNode();

        Assert.False(AsyncApiDocument.HasPayloadSchemas);
        foreach (var (name, schema) in document["components"]!["schemas"]!.AsObject())
        {
            Assert.Contains(".NET 9", schema!["description"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Single(schema.AsObject());
        }
    }
#endif

    [Theory]
    [MemberData(nameof(Clients))]
    public void The_same_declarations_give_the_same_bytes(string client)
    {
        var first = AsyncApiDocument.Create(Documented[client]);
        var second = AsyncApiDocument.Create(Documented[client]);

        Assert.Equal(first.ToJson(), second.ToJson());
        Assert.Equal(first.ToYaml(), second.ToYaml());
    }
}
