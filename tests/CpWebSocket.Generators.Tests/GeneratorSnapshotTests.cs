using CpWebSocket.Generators.Tests.Infrastructure;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>
/// Whole generator runs compared with the verified files in <c>Snapshots/</c>; each run's output must also
/// compile, without warnings, against the real runtime assembly.
/// </summary>
public sealed class GeneratorSnapshotTests
{
    [Fact]
    public void FlatStringDiscriminators()
    {
        var run = Generate("""
            using CpWebSocket;

            namespace App;

            [Message("chat.say")] public sealed record Say(string Room, string Text);
            [Message("chat.said")] public sealed record Said(string Room, string From, string Text);
            [Message("chat.joined")] public sealed record Joined(string Room, string Who);

            [WebSocketClient]
            [Sends(typeof(Say))]
            [Receives(typeof(Said))]
            [Receives(typeof(Joined))]
            public sealed partial class ChatClient;
            """);

        Assert.Equal(["App.ChatClient.g.cs"], run.Sources.Keys);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void WrappedPayload()
    {
        var run = Generate("""
            using CpWebSocket;

            namespace App;

            [Message("ticker.subscribe")] public sealed record Subscribe(string Symbol);
            [Message("ticker.price")] public sealed record Price(string Symbol, decimal Value);

            [WebSocketClient(DiscriminatorProperty = "event", PayloadProperty = "data")]
            [Sends(typeof(Subscribe))]
            [Receives(typeof(Price))]
            public sealed partial class TickerClient;
            """);

        Assert.Contains("new global::CpWebSocket.Messaging.MessageEnvelope(\"event\", \"data\")", run.Sources["App.TickerClient.g.cs"], StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void IntegerDiscriminators()
    {
        var run = Generate("""
            using CpWebSocket;

            namespace Obs;

            [Message(1)] public sealed record Identify(int RpcVersion);
            [Message(2)] public sealed record Identified(int NegotiatedRpcVersion);
            [Message(6)] public sealed record Request(string RequestType, string RequestId);
            [Message(-7)] public sealed record RequestResponse(string RequestId);

            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d")]
            [Sends(typeof(Identify))]
            [Sends(typeof(Request))]
            [Receives(typeof(Identified))]
            [Receives(typeof(RequestResponse))]
            public sealed partial class ObsClient;
            """);

        var source = run.Sources["Obs.ObsClient.g.cs"];
        Assert.Contains("Outbound<global::Obs.Identify>(1L)", source, StringComparison.Ordinal);
        Assert.Contains("Outbound<global::Obs.Request>(6L)", source, StringComparison.Ordinal);
        Assert.Matches(@"Inbound<global::Obs\.RequestResponse>\(\s+-7L,", source);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void NestedClientClass()
    {
        var run = Generate("""
            using CpWebSocket;

            namespace App.Chat;

            [Message("ping")] public sealed record Ping(long Sent);
            [Message("pong")] public sealed record Pong(long Sent);

            public static partial class Clients
            {
                internal readonly partial struct Holder
                {
                    [WebSocketClient]
                    [Sends(typeof(Ping))]
                    [Receives(typeof(Pong))]
                    public sealed partial class PingClient;
                }
            }
            """);

        Assert.Equal(["App.Chat.Clients.Holder.PingClient.g.cs"], run.Sources.Keys);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void GenericContainingTypes()
    {
        var run = Generate("""
            using CpWebSocket;

            namespace App;

            [Message("ping")] public sealed record Ping;

            public partial class Outer<TKey, TValue>
            {
                public partial interface IInner<TInput>
                {
                    [WebSocketClient]
                    [Sends(typeof(Ping))]
                    public sealed partial class PingClient;
                }
            }

            public partial record Outer
            {
                [WebSocketClient]
                [Sends(typeof(Ping))]
                public sealed partial class PingClient;
            }
            """);

        Assert.Equal(
            ["App.Outer.PingClient.g.cs", "App.Outer`2.IInner`1.PingClient.g.cs"],
            run.Sources.Keys.Order(StringComparer.Ordinal));
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void GlobalNamespaceClient()
    {
        var run = Generate("""
            using CpWebSocket;

            [Message("hello")] public sealed class Hello { public string? Name { get; set; } }
            [Message("welcome")] public struct Welcome { public int Id { get; set; } }

            [WebSocketClient]
            [Sends(typeof(Hello))]
            [Receives(typeof(Welcome))]
            internal partial class GreeterClient;
            """);

        var source = run.Sources["GreeterClient.g.cs"];
        Assert.DoesNotContain("namespace", source, StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void InternalContractsOnPublicClient()
    {
        var run = Generate("""
            using CpWebSocket;

            namespace App;

            [Message("public.say")] public sealed record Say(string Text);
            [Message("internal.note")] internal sealed record Note(string Text);

            [WebSocketClient]
            [Sends(typeof(Say))]
            [Sends(typeof(Note))]
            [Receives(typeof(Note))]
            public sealed partial class NoteClient;
            """);

        var source = run.Sources["App.NoteClient.g.cs"];
        Assert.Contains("public global::System.Threading.Tasks.ValueTask SendAsync(global::App.Say message", source, StringComparison.Ordinal);
        Assert.Contains("internal global::System.Threading.Tasks.ValueTask SendAsync(global::App.Note message", source, StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void WithSerializerContext()
    {
        var run = Generate(
            """
            using CpWebSocket;

            namespace App;

            [Message("chat.say")] public sealed record Say(string Room, string Text);
            [Message("chat.said")] public sealed record Said(string Room, string From, string Text);

            [WebSocketClient(SerializerContext = typeof(ChatJsonContext))]
            [Sends(typeof(Say))]
            [Receives(typeof(Said))]
            public sealed partial class ChatClient;
            """,
            TestSources.ReflectionBackedContext("App", "ChatJsonContext", "Say", "Said"));

        Assert.Contains("global::App.ChatJsonContext.Default", run.Sources["App.ChatClient.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("CreateReflectionBased", run.Sources["App.ChatClient.g.cs"], StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void TypeBothSentAndReceived()
    {
        var run = Generate("""
            using CpWebSocket;

            namespace App;

            [Message("echo")] public sealed record Echo(string Text);
            [Message("bye")] public sealed record Bye;

            [WebSocketClient]
            [Sends(typeof(Echo))]
            [Receives(typeof(Echo))]
            [Sends(typeof(Bye))]
            public sealed partial class EchoClient;
            """);

        var source = run.Sources["App.EchoClient.g.cs"];
        Assert.Contains("SendAsync(global::App.Echo message", source, StringComparison.Ordinal);
        Assert.Contains("EchoReceived", source, StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void KeywordsAndEscapedStrings()
    {
        var run = Generate("""
            using CpWebSocket;

            namespace App.@event;

            [Message("say \"hi\"\\n<&>\u00e9")] public sealed record @class(string Text);
            [Message("tab\there")] public sealed record @struct;

            [WebSocketClient(DiscriminatorProperty = "\"kind\"")]
            [Sends(typeof(@class))]
            [Receives(typeof(@struct))]
            public sealed partial class @object;
            """);

        var source = run.Sources["App.event.object.g.cs"];
        Assert.Contains("namespace App.@event", source, StringComparison.Ordinal);
        Assert.Contains("partial class @object", source, StringComparison.Ordinal);
        Assert.Contains("global::App.@event.@class", source, StringComparison.Ordinal);
        Assert.Contains("\"say \\\"hi\\\"\\\\n<&>\u00e9\"", source, StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void Requests()
    {
        var run = Generate("""
            using CpWebSocket;

            namespace App;

            [Message("rooms.get")] public sealed record GetRooms(string? Prefix);
            [Message("rooms.list")] public sealed record RoomList(string[] Rooms);
            [Message("room.join")] public sealed record JoinRoomRequest(string Room);
            [Message("room.joined")] public sealed record Joined(string Room, int Members);
            [Message("ping")] public sealed record Ping;

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(GetRooms), Returns = typeof(RoomList))]
            [Sends(typeof(JoinRoomRequest), Returns = typeof(Joined), TimeoutMilliseconds = 5000)]
            [Sends(typeof(Ping), Returns = typeof(Ping), MethodName = "RoundTripAsync", TimeoutMilliseconds = -1)]
            [Receives(typeof(Joined))]
            public sealed partial class RoomsClient;
            """);

        var source = run.Sources["App.RoomsClient.g.cs"];
        Assert.Contains("new global::CpWebSocket.Messaging.RequestIdSettings(\"id\", global::CpWebSocket.RequestIdLocation.Envelope, global::CpWebSocket.RequestIdKind.Integer)", source, StringComparison.Ordinal);
        Assert.Contains("Task<global::App.RoomList> GetRoomsAsync(global::App.GetRooms request", source, StringComparison.Ordinal);
        Assert.Contains("Task<global::App.Joined> JoinRoomAsync(global::App.JoinRoomRequest request", source, StringComparison.Ordinal);
        Assert.Contains("Task<global::App.Ping> RoundTripAsync(global::App.Ping request", source, StringComparison.Ordinal);
        Assert.Contains("global::System.TimeSpan.FromMilliseconds(5000)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("SendAsync(global::App.GetRooms", source, StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void RequestsWithErrorResponses()
    {
        var run = Generate("""
            using CpWebSocket;

            namespace Rpc;

            public sealed record RpcError(int Code, string Message);
            public sealed record RpcResponse<T>(T Result, RpcError? Error) : IResponse<T, RpcError>;

            [Message("rooms.get")] public sealed record GetRooms;
            public sealed record RoomList(string[] Rooms);

            [WebSocketClient(DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id", RequestIdKind = RequestIdKind.String)]
            [Sends(typeof(GetRooms), Returns = typeof(RpcResponse<RoomList?>))]
            public sealed partial class RpcClient;
            """);

        var source = run.Sources["Rpc.RpcClient.g.cs"];
        Assert.Contains("RequestIdKind.String", source, StringComparison.Ordinal);
        Assert.Contains("Task<global::Rpc.RoomList?> GetRoomsAsync(global::Rpc.GetRooms request", source, StringComparison.Ordinal);
        Assert.Contains("RequestResultAsync<global::Rpc.GetRooms, global::Rpc.RpcResponse<global::Rpc.RoomList>, global::Rpc.RoomList?, global::Rpc.RpcError>", source, StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void RequestIdInsideThePayload()
    {
        var run = Generate("""
            using CpWebSocket;

            namespace Obs;

            [Message(6)] public sealed record GetVersion;
            [Message(7)] public sealed record Version(string ObsVersion);

            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", RequestIdProperty = "requestId", RequestIdLocation = RequestIdLocation.Payload, RequestIdKind = RequestIdKind.String)]
            [Sends(typeof(GetVersion), Returns = typeof(Version))]
            internal sealed partial class ObsClient;
            """);

        Assert.Contains("RequestIdLocation.Payload", run.Sources["Obs.ObsClient.g.cs"], StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void TwoLevelRoutesAndRequests()
    {
        var run = Generate("""
            using CpWebSocket;
            using System.Text.Json.Serialization;

            namespace Obs;

            [Message(5, "CurrentProgramSceneChanged")] public sealed record SceneChanged(string SceneName);
            [Message(5, "ExitStarted")] public sealed record ExitStarted;
            [Message(6, "GetVersion")] public sealed record GetVersion;
            [Message(6, "SetScene")] public sealed record SetScene(string SceneName);
            public sealed record VersionInfo(string ObsVersion, int RpcVersion);
            public sealed record RequestStatus(bool Result, int Code, string? Comment);

            [Message(7)]
            public sealed record ObsResponse<T>(RequestStatus RequestStatus, T? ResponseData) : IResponse<T, RequestStatus>
            {
                T IResponse<T, RequestStatus>.Result => ResponseData!;
                RequestStatus? IResponse<T, RequestStatus>.Error => RequestStatus.Result ? null : RequestStatus;
            }

            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", RequestIdProperty = "requestId", RequestIdLocation = RequestIdLocation.Payload,
                RequestIdKind = RequestIdKind.String, Responses = typeof(ObsResponse<>), DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
            [Route(5, By = "d.eventType", Payload = "d.eventData")]
            [Route(6, By = "d.requestType", Payload = "d.requestData")]
            [Receives(typeof(SceneChanged))]
            [Receives(typeof(ExitStarted))]
            [Sends(typeof(GetVersion), Returns = typeof(VersionInfo))]
            [Sends(typeof(SetScene), Returns = typeof(void))]
            public sealed partial class ObsClient;
            """);

        var source = run.Sources["Obs.ObsClient.g.cs"];
        Assert.Contains("new global::CpWebSocket.Messaging.MessageRoute(5L, \"d.eventType\", \"d.eventData\"),", source, StringComparison.Ordinal);
        Assert.Contains("Request<global::Obs.GetVersion, global::Obs.ObsResponse<global::Obs.VersionInfo>>(new global::CpWebSocket.Messaging.MessageKey(6L, \"GetVersion\"), response: 7L);", source, StringComparison.Ordinal);
        Assert.Contains("public global::System.Threading.Tasks.Task SetSceneAsync(global::Obs.SetScene request", source, StringComparison.Ordinal);
        Assert.Contains("DefaultIgnoreCondition = global::System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull", source, StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void EnvelopeRecordAndValuePayloads()
    {
        var run = Generate("""
            using CpWebSocket;
            using System.Text.Json.Serialization;

            namespace Gateway;

            [Message(1)] public sealed record Heartbeat([PayloadValue] long? LastSequence);
            [Message(9)] public sealed record InvalidSession { [PayloadValue] public bool Resumable { get; init; } }
            [Message(11)] public sealed record HeartbeatAck;
            [Message(0, "MESSAGE_CREATE")] public sealed record MessageCreate(string ChannelId, string Content);
            public sealed record GatewayEnvelope(int Op, long? S, string? T);

            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", NamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, Envelope = typeof(GatewayEnvelope))]
            [Route(0, By = "t", Payload = "d")]
            [Sends(typeof(Heartbeat))]
            [Receives(typeof(Heartbeat))]
            [Receives(typeof(InvalidSession))]
            [Receives(typeof(HeartbeatAck))]
            [Receives(typeof(MessageCreate))]
            public sealed partial class GatewayClient;
            """);

        var source = run.Sources["Gateway.GatewayClient.g.cs"];
        Assert.Contains("Outbound<global::Gateway.Heartbeat, long?>(1L, static message => message.LastSequence);", source, StringComparison.Ordinal);
        Assert.Contains("Inbound<global::Gateway.Heartbeat, long?>(", source, StringComparison.Ordinal);
        Assert.Contains("static value => new global::Gateway.Heartbeat(value),", source, StringComparison.Ordinal);
        Assert.Contains("static value => new global::Gateway.InvalidSession { Resumable = value },", source, StringComparison.Ordinal);
        Assert.Contains("PropertyNamingPolicy = global::System.Text.Json.JsonNamingPolicy.SnakeCaseLower", source, StringComparison.Ordinal);
        Assert.Contains("OnMessageCreate(global::System.Func<global::Gateway.MessageCreate, global::Gateway.GatewayEnvelope,", source, StringComparison.Ordinal);
        Assert.Contains("new global::CpWebSocket.Messaging.Shapes.MessageShapeMember(\"channel_id\")", source, StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void ConstantsPatternsAndErrorResponse()
    {
        var run = Generate("""
            using CpWebSocket;

            namespace Rpc;

            public sealed record RpcError(int Code, string Message);
            public sealed record RpcResponse<T>(T Result, RpcError? Error) : IResponse<T, RpcError>;
            [Message("error")] public sealed class Failure { public string Reason { get; set; } = ""; }

            [Message("public/get_time")] public sealed record GetTime;
            [Message("subscription", "ticker.*")] public sealed record Ticker(string InstrumentName, double LastPrice);

            [WebSocketClient(DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id", Responses = typeof(RpcResponse<>), ErrorResponse = typeof(Failure))]
            [EnvelopeConstant("jsonrpc", "2.0")]
            [EnvelopeConstant("v", 2)]
            [Route("subscription", By = "params.channel", Payload = "params.data")]
            [Sends(typeof(GetTime), Returns = typeof(long))]
            [Receives(typeof(Ticker))]
            public sealed partial class RpcClient;
            """);

        var source = run.Sources["Rpc.RpcClient.g.cs"];
        Assert.Contains("new global::CpWebSocket.Messaging.MessageConstant(\"jsonrpc\", \"2.0\"),", source, StringComparison.Ordinal);
        Assert.Contains("new global::CpWebSocket.Messaging.MessageConstant(\"v\", 2L),", source, StringComparison.Ordinal);
        Assert.Contains("__Protocol.ErrorResponse<global::Rpc.Failure>(\"error\");", source, StringComparison.Ordinal);
        Assert.Contains("Request<global::Rpc.GetTime, global::Rpc.RpcResponse<long>>(\"public/get_time\", errorResponse: __ErrorResponse);", source, StringComparison.Ordinal);
        Assert.Contains("new global::CpWebSocket.Messaging.MessageKey(\"subscription\", \"ticker.*\"),", source, StringComparison.Ordinal);
        Assert.Contains("global::System.Threading.Tasks.Task<long> GetTimeAsync(", source, StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void ShapesOfNestedTypes()
    {
        var run = Generate("""
            #nullable enable
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            using CpWebSocket;

            namespace Shapes;

            public sealed record Location(string Room, double Level);
            public readonly record struct Sample(long At, double Value);
            public sealed record Node(string Name, Node? Next);

            [Message("reading")]
            public sealed record Reading(
                string Sensor,
                int Count,
                Location Where,
                Location? Backup,
                IReadOnlyList<Sample> Samples,
                Sample? Last,
                JsonElement Extra,
                Node Chain,
                Dictionary<string, Location> ByName,
                string? Note,
                int Retries = 3,
                [property: JsonPropertyName("kind")] string Category = "x")
            {
                public string Computed => Sensor + Count;
                public string Settable { get; set; } = "";
                [JsonIgnore] public string Ignored { get; set; } = "";
            }

            [WebSocketClient]
            [Receives(typeof(Reading))]
            public sealed partial class ReadingClient;
            """);

        var source = run.Sources["Shapes.ReadingClient.g.cs"];
        Assert.Contains("new global::CpWebSocket.Messaging.Shapes.MessageShapeMember(\"where\", value: __Location_Shape)", source, StringComparison.Ordinal);
        Assert.Contains("new global::CpWebSocket.Messaging.Shapes.MessageShapeMember(\"samples\", items: __Sample_Shape)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("\"note\"", source, StringComparison.Ordinal);
        Assert.DoesNotContain("\"kind\"", source, StringComparison.Ordinal);
        Assert.DoesNotContain("\"computed\"", source, StringComparison.Ordinal);
        Assert.DoesNotContain("\"settable\"", source, StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    [Fact]
    public void UserDeclaredConstructors()
    {
        var run = Generate("""
            using System;
            using CpWebSocket;

            namespace App;

            [Message("ping")] public sealed record Ping;

            [WebSocketClient]
            [Sends(typeof(Ping))]
            public sealed partial class PingClient
            {
                public PingClient(Uri url, HttpWebSocketOptions? options)
                    : base(url, options ?? new HttpWebSocketOptions { CloseTimeout = TimeSpan.FromSeconds(2) }, __Router)
                {
                }
            }
            """);

        var source = run.Sources["App.PingClient.g.cs"];
        Assert.Contains("public PingClient(global::System.Uri url)", source, StringComparison.Ordinal);
        Assert.DoesNotContain("HttpWebSocketOptions? options)", source, StringComparison.Ordinal);
        Snapshot.Verify(run.Result);
    }

    private static GeneratorRun Generate(params string[] sources)
        => GeneratorRun.Of(sources).AssertGeneratorSucceeded().AssertCompiles();
}
