using System.Reflection;
using CpWebSocket.Generators.Tests.Infrastructure;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>
/// Generated clients compiled, loaded and run against the real runtime: their static contracts initialize,
/// and the typed members behave as documented. A probe class compiled with the client uses it as a user would.
/// </summary>
public sealed class GeneratedClientTests
{
    private const string Contracts = """
        using CpWebSocket;

        namespace App;

        [Message("chat.say")] public sealed record Say(string Room, string Text);
        [Message("chat.said")] public sealed record Said(string From, string Text);
        [Message("chat.left")] public sealed record Left(string Who);

        """;

    [Fact]
    public async Task A_received_message_raises_the_event_then_each_handler_in_registration_order()
    {
        var result = await RunProbeAsync(
            Contracts + """
            [WebSocketClient]
            [Receives(typeof(Said))]
            [Receives(typeof(Left))]
            public sealed partial class ChatClient
            {
                public System.Threading.Tasks.ValueTask DeliverAsync(Said message) => OnSaidReceivedAsync(message, default, default);
            }

            public static class Probe
            {
                public static async System.Threading.Tasks.Task<string> RunAsync()
                {
                    var log = new System.Collections.Generic.List<string>();
                    await using var chat = new ChatClient(new System.Uri("ws://127.0.0.1:9/"));
                    chat.SaidReceived += m => log.Add("event " + m.Text);
                    chat.LeftReceived += m => log.Add("wrong event");
                    using var first = chat.OnSaid(async (m, ct) => { await System.Threading.Tasks.Task.Yield(); log.Add("first " + m.Text); });
                    var second = chat.OnSaid((m, ct) => { log.Add("second " + m.Text); return default; });

                    await chat.DeliverAsync(new Said("ann", "hi"));
                    second.Dispose();
                    await chat.DeliverAsync(new Said("bob", "bye"));
                    return string.Join("|", log);
                }
            }
            """);

        Assert.Equal("event hi|first hi|second hi|event bye|first bye", result);
    }

    [Theory]
    [InlineData("[WebSocketClient]", "type", "", "chat.say")]
    [InlineData("[WebSocketClient(DiscriminatorProperty = \"op\", PayloadProperty = \"d\")]", "op", "d", "chat.say")]
    [InlineData("[WebSocketClient(SerializerContext = typeof(ChatJsonContext))]", "type", "", "chat.say")]
    public async Task The_static_contracts_initialize_with_the_declared_envelope(string clientAttribute, string discriminator, string payload, string sayValue)
    {
        var result = await RunProbeAsync(
            Contracts + clientAttribute + """

            [Sends(typeof(Say))]
            [Receives(typeof(Said))]
            [Receives(typeof(Left))]
            public sealed partial class ChatClient
            {
                public static string Describe()
                    => string.Join(
                        ",",
                        __Router.Envelope.DiscriminatorProperty,
                        __Router.Envelope.PayloadProperty ?? "",
                        __Say_Out.Discriminator.ToString(),
                        string.Join("+", System.Linq.Enumerable.Select(__Router.Contracts, c => c.MessageType.Name + "=" + c.Discriminator)));
            }

            public static class Probe
            {
                public static async System.Threading.Tasks.Task<string> RunAsync()
                {
                    await using var chat = new ChatClient(new System.Uri("ws://127.0.0.1:9/"), new CpWebSocket.HttpWebSocketOptions());
                    return ChatClient.Describe() + "," + chat.Status;
                }
            }
            """,
            TestSources.ReflectionBackedContext("App", "ChatJsonContext", "Say", "Said", "Left"));

        Assert.Equal($"{discriminator},{payload},{sayValue},Said=chat.said+Left=chat.left,Closed", result);
    }

    [Fact]
    public async Task Integer_discriminators_reach_the_runtime_as_integers()
    {
        var result = await RunProbeAsync("""
            using CpWebSocket;

            namespace App;

            [Message(6)] public sealed record Request(string Id);
            [Message(-7)] public sealed record Response(string Id);

            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d")]
            [Sends(typeof(Request))]
            [Receives(typeof(Response))]
            public sealed partial class ObsClient
            {
                public static string Describe()
                    => __Request_Out.Discriminator.IsString + "," + __Request_Out.Discriminator.IntegerValue + ","
                        + __Router.Contracts[0].Discriminator.IntegerValue;
            }

            public static class Probe
            {
                public static System.Threading.Tasks.Task<string> RunAsync() => System.Threading.Tasks.Task.FromResult(ObsClient.Describe());
            }
            """);

        Assert.Equal("False,6,-7", result);
    }

    [Fact]
    public async Task A_typed_send_before_open_is_reported_not_dropped()
    {
        var result = await RunProbeAsync(
            Contracts + """
            [WebSocketClient]
            [Sends(typeof(Say))]
            public sealed partial class ChatClient;

            public static class Probe
            {
                public static async System.Threading.Tasks.Task<string> RunAsync()
                {
                    await using var chat = new ChatClient(new System.Uri("ws://127.0.0.1:9/"));
                    try
                    {
                        await chat.SendAsync(new Say("lobby", "hi"));
                        return "sent";
                    }
                    catch (System.Exception ex)
                    {
                        return ex.GetType().Name;
                    }
                }
            }
            """);

        Assert.Equal("WebSocketSendException", result);
    }

    [Fact]
    public async Task Routes_keys_responses_and_shapes_reach_the_runtime_as_declared()
    {
        var result = await RunProbeAsync("""
            using System.Collections.Generic;
            using System.Linq;
            using CpWebSocket;

            namespace App;

            [Message(5, "Changed")] public sealed record Changed(string Name, int Version);
            [Message(6, "Get")] public sealed record Get;
            [Message(1)] public sealed record Beat([PayloadValue] long? Sequence);
            public sealed record Info(string Name);
            public sealed record Status(bool Ok, int Code);

            [Message(7)]
            public sealed record Reply<T>(Status Status, T? Data) : IResponse<T, Status>
            {
                T IResponse<T, Status>.Result => Data!;
                Status? IResponse<T, Status>.Error => Status.Ok ? null : Status;
            }

            public sealed record Envelope(int Op, long? S);

            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", RequestIdProperty = "requestId", RequestIdLocation = RequestIdLocation.Payload,
                Responses = typeof(Reply<>), Envelope = typeof(Envelope))]
            [Route(5, By = "d.eventType", Payload = "d.eventData")]
            [Route(6, By = "d.requestType", Payload = "d.requestData")]
            [EnvelopeConstant("v", 5)]
            [Receives(typeof(Changed))]
            [Sends(typeof(Get), Returns = typeof(Info))]
            [Sends(typeof(Beat))]
            public sealed partial class ObsClient
            {
                public static string Describe() => string.Join(
                    ",",
                    string.Join("+", __Router.Contracts.Select(c => c.Key.ToString())),
                    string.Join("+", __Router.Envelope.Routes.Select(r => r.Discriminator + ":" + r.By + ":" + r.Payload)),
                    string.Join("+", __Router.Envelope.Constants.Select(c => c.Property + "=" + c.Value)),
                    __Get_Request.Outbound.Key.ToString(),
                    __Get_Request.Response.ToString(),
                    __Beat_Out.Key.ToString(),
                    __Changed_Shape.MayLack(new Changed("n", 1)),
                    __Changed_Shape.MayLack(new Changed(null!, 1)),
                    __Changed_Shape.MayLack(new Changed("n", 0)),
                    __Reply_Info_Shape.MayLack(new Reply<Info>(new Status(true, 100), new Info("x"))),
                    __Reply_Info_Shape.MayLack(new Reply<Info>(new Status(true, 100), null)),
                    __Reply_Info_Shape.MayLack(new Reply<Info>(new Status(true, 100), new Info(null!))));
            }

            public static class Probe
            {
                public static async System.Threading.Tasks.Task<string> RunAsync()
                {
                    await using var obs = new ObsClient(new System.Uri("ws://127.0.0.1:9/"));
                    using var plain = obs.OnChanged((_, _) => default);
                    using var withEnvelope = obs.OnChanged((_, envelope, _) => default);
                    return ObsClient.Describe();
                }
            }
            """);

        Assert.Equal("5/Changed,5:d.eventType:d.eventData+6:d.requestType:d.requestData,v=5,6/Get,7,1,False,True,True,False,False,True", result);
    }

    [Fact]
    public async Task A_request_declared_to_return_nothing_is_a_plain_task_that_fails_to_send_when_closed()
    {
        var result = await RunProbeAsync("""
            using CpWebSocket;

            namespace App;

            [Message("set")] public sealed record Set(string Name);
            public sealed record RpcError(int Code, string Message);
            public sealed record Rpc<T>(T Result, RpcError? Error) : IResponse<T, RpcError>;

            [WebSocketClient(DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id", Responses = typeof(Rpc<>))]
            [EnvelopeConstant("jsonrpc", "2.0")]
            [Sends(typeof(Set), Returns = typeof(void))]
            public sealed partial class RpcClient;

            public static class Probe
            {
                public static async System.Threading.Tasks.Task<string> RunAsync()
                {
                    await using var rpc = new RpcClient(new System.Uri("ws://127.0.0.1:9/"));
                    System.Threading.Tasks.Task call = rpc.SetAsync(new Set("x"));
                    try
                    {
                        await call;
                        return "completed";
                    }
                    catch (System.Exception ex)
                    {
                        return ex.GetType().Name;
                    }
                }
            }
            """);

        Assert.Equal("WebSocketSendException", result);
    }

    [Fact]
    public async Task A_client_whose_context_lacks_a_contract_cannot_be_created_which_is_why_CPWS0005_is_an_error()
    {
        string[] sources =
        [
            Contracts + """
            [WebSocketClient(SerializerContext = typeof(ChatJsonContext))]
            [Sends(typeof(Say))]
            [Receives(typeof(Said))]
            public sealed partial class ChatClient;

            public static class Probe
            {
                public static async System.Threading.Tasks.Task<string> RunAsync()
                {
                    try
                    {
                        await using var chat = new ChatClient(new System.Uri("ws://127.0.0.1:9/"));
                        return "created";
                    }
                    catch (System.TypeInitializationException ex)
                    {
                        return ex.InnerException?.GetType().Name + ": " + ex.InnerException?.Message;
                    }
                }
            }
            """,
            TestSources.DeclaredTypesOnlyContext("App", "ChatJsonContext", "Said"),
        ];
        Assert.Contains(AnalyzerRun.Analyze(sources), d => d.Id == "CPWS0005" && d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);

        var result = await RunProbeAsync(sources);

        Assert.StartsWith("InvalidOperationException: ", result, StringComparison.Ordinal);
        Assert.Contains("App.Say", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_constructor_beside_the_generated_ones_chains_to_them_and_both_create_working_clients()
    {
        var result = await RunProbeAsync(
            Contracts + """
            [WebSocketClient]
            [Sends(typeof(Say))]
            public sealed partial class ChatClient
            {
                public ChatClient(System.Uri url, string? token)
                    : this(url, (HttpWebSocketOptions?)null)
                {
                    Token = token;
                }

                public string? Token { get; }
            }

            public static class Probe
            {
                public static async System.Threading.Tasks.Task<string> RunAsync()
                {
                    var url = new System.Uri("ws://127.0.0.1:9/");
                    await using var withToken = new ChatClient(url, "secret");
                    await using var plain = new ChatClient(url);
                    return withToken.Token + "," + withToken.Url + "," + withToken.Status + "," + (plain.Token ?? "none") + "," + plain.Status;
                }
            }
            """);

        Assert.Equal("secret,ws://127.0.0.1:9/,Closed,none,Closed", result);
    }

    private static async Task<string> RunProbeAsync(params string[] sources)
    {
        var run = GeneratorRun.Of(sources).AssertGeneratorSucceeded().AssertCompiles();
        using var loaded = run.Load();
        var method = loaded.GetType("App.Probe").GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Static)!;
        return await (Task<string>)method.Invoke(null, null)!;
    }
}
