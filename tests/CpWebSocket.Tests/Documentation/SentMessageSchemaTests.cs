using CpWebSocket.Documentation;
using CpWebSocket.Messaging;
using CpWebSocket.Tests.AsyncApi;
using CpWebSocket.Tests.Server;
using Discord = CpWebSocket.Tests.Protocols.Discord;
using HomeAssistant = CpWebSocket.Tests.Protocols.HomeAssistant;
using JsonRpc = CpWebSocket.Tests.Protocols.JsonRpc;
using Obs = CpWebSocket.Tests.Protocols.Obs;
using Readme = CpWebSocket.Tests.Readme;

namespace CpWebSocket.Tests.Documentation;

/// <summary>
/// Every message the README's clients and the four protocol clients send, as the server received it over a real
/// socket, validates against the payload schema of its message in the client's document; and messages that break the
/// protocol do not.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class SentMessageSchemaTests(TestServerFixture fixture)
{
    [Fact]
    public async Task Every_message_the_clients_send_validates_against_its_schema()
    {
        DocumentCheck[] checks =
        [
            await SendAsync(Readme.ChatClient.Contracts, url => new Readme.ChatClient(url),
                Send<Readme.ChatClient, Readme.Say>((c, ct) => c.SendAsync(new Readme.Say("lobby", "hi"), ct).AsTask())),
            await SendAsync(Readme.RoomsClient.Contracts, url => new Readme.RoomsClient(url),
                Send<Readme.RoomsClient, Readme.GetRooms>((c, ct) => c.GetRoomsAsync(new Readme.GetRooms("lo"), ct)),
                Send<Readme.RoomsClient, Readme.Ping>((c, ct) => c.PingAsync(new Readme.Ping(), ct))),
            await SendAsync(Readme.RpcRoomsClient.Contracts, url => new Readme.RpcRoomsClient(url),
                Send<Readme.RpcRoomsClient, Readme.CountRooms>((c, ct) => c.CountRoomsAsync(new Readme.CountRooms("lo"), ct))),
            await SendAsync(Obs.ObsClient.Contracts, url => new Obs.ObsClient(url),
                Send<Obs.ObsClient, Obs.Identify>((c, ct) => c.SendAsync(new Obs.Identify(1), ct).AsTask()),
                Send<Obs.ObsClient, Obs.Identify>((c, ct) => c.SendAsync(new Obs.Identify(1, "c2VjcmV0", 33), ct).AsTask()),
                Send<Obs.ObsClient, Obs.GetVersion>((c, ct) => c.GetVersionAsync(new Obs.GetVersion(), ct)),
                Send<Obs.ObsClient, Obs.SetCurrentProgramScene>((c, ct) => c.SetCurrentProgramSceneAsync(new Obs.SetCurrentProgramScene("Live"), ct)),
                Send<Obs.ObsClient, Obs.SetStudioModeEnabled>((c, ct) => c.SetStudioModeEnabledAsync(new Obs.SetStudioModeEnabled(true), ct))),
            await SendAsync(HomeAssistant.HomeAssistantClient.Contracts, url => new HomeAssistant.HomeAssistantClient(url),
                Send<HomeAssistant.HomeAssistantClient, HomeAssistant.Auth>((c, ct) => c.SendAsync(new HomeAssistant.Auth("token"), ct).AsTask()),
                Send<HomeAssistant.HomeAssistantClient, HomeAssistant.GetStates>((c, ct) => c.GetStatesAsync(new HomeAssistant.GetStates(), ct)),
                Send<HomeAssistant.HomeAssistantClient, HomeAssistant.SubscribeEvents>((c, ct) => c.SubscribeEventsAsync(new HomeAssistant.SubscribeEvents("state_changed"), ct)),
                Send<HomeAssistant.HomeAssistantClient, HomeAssistant.SubscribeEvents>((c, ct) => c.SubscribeEventsAsync(new HomeAssistant.SubscribeEvents(), ct)),
                Send<HomeAssistant.HomeAssistantClient, HomeAssistant.CallService>((c, ct) => c.CallServiceAsync(new HomeAssistant.CallService("light", "turn_on", new HomeAssistant.ServiceTarget("light.kitchen")), ct)),
                Send<HomeAssistant.HomeAssistantClient, HomeAssistant.SupportedFeatures>((c, ct) => c.SupportedFeaturesAsync(new HomeAssistant.SupportedFeatures(new HomeAssistant.Features(1)), ct)),
                Send<HomeAssistant.HomeAssistantClient, HomeAssistant.Ping>((c, ct) => c.PingAsync(new HomeAssistant.Ping(), ct))),
            await SendAsync(Discord.DiscordClient.Contracts, url => new Discord.DiscordClient(url),
                Send<Discord.DiscordClient, Discord.Identify>((c, ct) => c.SendAsync(new Discord.Identify("token", 513, new Discord.IdentifyProperties("linux", "app", "app")), ct).AsTask()),
                Send<Discord.DiscordClient, Discord.Heartbeat>((c, ct) => c.SendAsync(new Discord.Heartbeat(251), ct).AsTask()),
                Send<Discord.DiscordClient, Discord.Heartbeat>((c, ct) => c.SendAsync(new Discord.Heartbeat(null), ct).AsTask())),
            await SendAsync(JsonRpc.DeribitClient.Contracts, url => new JsonRpc.DeribitClient(url),
                Send<JsonRpc.DeribitClient, JsonRpc.GetTime>((c, ct) => c.GetTimeAsync(new JsonRpc.GetTime(), ct)),
                Send<JsonRpc.DeribitClient, JsonRpc.Test>((c, ct) => c.TestAsync(new JsonRpc.Test(), ct)),
                Send<JsonRpc.DeribitClient, JsonRpc.SetHeartbeat>((c, ct) => c.SetHeartbeatAsync(new JsonRpc.SetHeartbeat(30), ct)),
                Send<JsonRpc.DeribitClient, JsonRpc.Subscribe>((c, ct) => c.SubscribeAsync(new JsonRpc.Subscribe(["ticker.BTC-PERPETUAL.100ms"]), ct)),
                Send<JsonRpc.DeribitClient, JsonRpc.GetAccountSummary>((c, ct) => c.GetAccountSummaryAsync(new JsonRpc.GetAccountSummary("BTC"), ct))),
        ];

        var verdicts = await AsyncApiValidator.CheckAsync(checks);

        Assert.Equal(checks.Length, verdicts.Count);
        var failures = verdicts
            .SelectMany((verdict, i) => verdict.Errors.Select(error => $"{verdict.Name}: {error}")
                .Concat(verdict.Messages.SelectMany((message, j) => message.Errors.Select(error => $"{verdict.Name} {message.Message} {checks[i].Messages[j].Json}: {error}"))))
            .ToArray();
        Assert.True(failures.Length == 0, string.Join("\n", failures));
        Assert.Equal(checks.Sum(check => check.Messages.Count), verdicts.Sum(verdict => verdict.Messages.Count));
    }

    [Fact]
    public async Task Messages_that_break_the_protocol_do_not_validate()
    {
        MessageCheck[] obs =
        [
            new("SetCurrentProgramScene", """{"op":6,"d":{"requestType":"SetCurrentProgramScene","requestId":"1","requestData":{}}}"""),   // no sceneName
            new("SetCurrentProgramScene", """{"op":6,"d":{"requestType":"GetVersion","requestId":"1","requestData":{"sceneName":"Live"}}}"""),  // another request's type
            new("GetVersion", """{"op":6,"d":{"requestType":"GetVersion","requestData":{}}}"""),                                              // no request id
            new("Identify", """{"op":2,"d":{"rpcVersion":1}}"""),                                                                             // another op
        ];
        MessageCheck[] deribit =
        [
            new("GetTime", """{"method":"public/get_time","id":1,"params":{}}"""),                                                           // no "jsonrpc"
            new("Ticker", """{"method":"subscription","params":{"channel":"book.BTC","data":{}}}"""),                                       // another channel
        ];
        MessageCheck[] discord = [new("Heartbeat", """{"op":1,"d":"soon"}""")];                                                           // not a sequence number

        var verdicts = await AsyncApiValidator.CheckAsync(
        [
            new DocumentCheck("obs", AsyncApiDocument.Create(Obs.ObsClient.Contracts).ToJson(), obs),
            new DocumentCheck("deribit", AsyncApiDocument.Create(JsonRpc.DeribitClient.Contracts).ToJson(), deribit),
            new DocumentCheck("discord", AsyncApiDocument.Create(Discord.DiscordClient.Contracts).ToJson(), discord),
        ]);

        var messages = verdicts.SelectMany(verdict => verdict.Messages).ToArray();
#if NET9_0_OR_GREATER
        Assert.Equal(obs.Length + deribit.Length + discord.Length, messages.Length);
        Assert.All(messages, message => Assert.NotEmpty(message.Errors));
#else
        // Without record schemas (.NET 8), the envelope still decides: discriminators, ids, constants and channels.
        Assert.Equal([false, true, true, true, true, true, false], messages.Select(message => message.Errors.Count > 0));
#endif
    }

    private static (Type Type, Func<TClient, CancellationToken, Task> Send) Send<TClient, TMessage>(Func<TClient, CancellationToken, Task> send) =>
        (typeof(TMessage), send);

    /// <summary>Sends each message (a request is cancelled once the server has it) and pairs what the server received with its message's id.</summary>
    private async Task<DocumentCheck> SendAsync<TClient>(ClientContracts contracts, Func<Uri, TClient> create, params (Type Type, Func<TClient, CancellationToken, Task> Send)[] sends)
        where TClient : MessageClient
    {
        var document = AsyncApiDocument.Create(contracts);
        var tag = Guid.NewGuid().ToString("N");
        await using var client = create(fixture.Server.WsUri($"/record?tag={tag}"));
        await client.OpenAsync();
        var server = await fixture.Server.WaitForConnectionAsync("/record", TestServer.DefaultTimeout, tag);

        var messages = new List<MessageCheck>();
        foreach (var (type, send) in sends)
        {
            using var waiting = new CancellationTokenSource();
            var sending = send(client, waiting.Token);
            var received = await server.WaitForMessagesAsync(messages.Count + 1, TestServer.DefaultTimeout);
            await waiting.CancelAsync();
            try
            {
                await sending.WaitAsync(TestServer.DefaultTimeout);
            }
            catch (OperationCanceledException)
            {
                // A request: the server records it and never answers.
            }

            messages.Add(new MessageCheck(document.MessageIds[type], received[messages.Count].Text));
        }

        return new DocumentCheck(contracts.ClientType.Name, document.ToJson(), messages);
    }
}
