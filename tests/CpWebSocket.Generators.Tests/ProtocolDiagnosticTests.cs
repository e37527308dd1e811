using CpWebSocket.Generators.Tests.Infrastructure;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>
/// The diagnostics of the declarations for real protocols (routes, constants, value payloads, envelopes, responses,
/// error responses, serializer settings): each fires exactly where it is marked, and not on the corrected code.
/// </summary>
public sealed class ProtocolDiagnosticTests
{
    private const string Header = """
        using CpWebSocket;
        using System.Text.Json.Serialization;

        namespace App;

        [Message(5, "Changed")] public sealed record Changed(string Name);
        [Message(6, "Get")] public sealed record Get;

        """;

    private const string Wrapped = """[WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d")]""";

    [Fact]
    public void CPWS0026_route_paths_that_cannot_be_used()
    {
        var diagnostics = AnalyzerRun.Verify(Header + Wrapped + """

            [Route(5, By = {|CPWS0026:"d..eventType"|})]
            [Route(6, By = {|CPWS0026:"op"|})]
            [Route(7, By = "d.x", Payload = {|CPWS0026:"d."|})]
            [Route(8, By = {|CPWS0026:"d"|})]
            [{|CPWS0026:Route(9, Payload = "x")|}]
            public sealed partial class ObsClient;
            """);
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("By \"d\" is the payload \"d\" or contains it", StringComparison.Ordinal));

        AnalyzerRun.VerifyNone(Header + Wrapped + """

            [Route(5, By = "d.eventType", Payload = "d.eventData")]
            [Route(6, By = "d.requestType", Payload = "d.requestData")]
            [Receives(typeof(Changed))]
            [Sends(typeof(Get))]
            public sealed partial class ObsClient;
            """);
    }

    [Fact]
    public void CPWS0027_two_routes_for_one_value()
    {
        AnalyzerRun.Verify(Header + Wrapped + """

            [Route(5, By = "d.eventType")]
            [Route({|CPWS0027:5|}, By = "d.other")]
            public sealed partial class ObsClient;
            """);
    }

    [Fact]
    public void CPWS0028_a_second_level_value_without_a_route()
    {
        AnalyzerRun.Verify(Header + Wrapped + """

            [Route(6, By = "d.requestType", Payload = "d.requestData")]
            [Receives({|CPWS0028:typeof(Changed)|})]
            [Sends(typeof(Get))]
            public sealed partial class ObsClient;
            """);
    }

    [Fact]
    public void CPWS0028_a_response_whose_second_level_value_has_no_route()
    {
        AnalyzerRun.Verify(Header + """
            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", RequestIdProperty = "id")]
            [Route(6, By = "d.requestType", Payload = "d.requestData")]
            [Sends(typeof(Get), Returns = {|CPWS0028:typeof(Changed)|})]
            public sealed partial class ObsClient;
            """);
    }

    [Fact]
    public void CPWS0029_a_one_level_message_of_a_routed_value()
    {
        AnalyzerRun.Verify(Header + """
            [Message(5)] public sealed record AnyEvent(string EventType);

            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d")]
            [Route(5, By = "d.eventType", Payload = "d.eventData")]
            [Receives({|CPWS0029:typeof(AnyEvent)|})]
            public sealed partial class ObsClient;
            """);
    }

    [Fact]
    public void CPWS0030_a_pattern_that_is_sent_or_answers_a_request()
    {
        var diagnostics = AnalyzerRun.Verify("""
            using CpWebSocket;

            namespace App;

            [Message("subscription", "ticker.*")] public sealed record Ticker(string Name);
            [Message("subscribe")] public sealed record Subscribe(string Channel);

            [WebSocketClient(DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id")]
            [Route("subscription", By = "params.channel", Payload = "params.data")]
            [Sends({|CPWS0030:typeof(Ticker)|})]
            [Sends(typeof(Subscribe), Returns = {|CPWS0030:typeof(Ticker)|})]
            [Receives(typeof(Ticker))]
            public sealed partial class RpcClient;
            """);
        Assert.Contains("patterns (a value ending in '*') only select received messages", diagnostics[0].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CPWS0031_a_serializer_context_that_names_members_otherwise_than_the_client_declares()
    {
        var diagnostics = AnalyzerRun.Verify(
            Header + """
            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", SerializerContext = {|CPWS0031:typeof(PascalContext)|})]
            [Route(5, By = "d.eventType", Payload = "d.eventData")]
            [Receives(typeof(Changed))]
            public sealed partial class DefaultClient;

            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", NamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, SerializerContext = {|CPWS0031:typeof(WebContext)|})]
            [Route(5, By = "d.eventType", Payload = "d.eventData")]
            [Receives(typeof(Changed))]
            public sealed partial class SnakeClient;
            """,
            TestSources.ReflectionBackedContextWithOptions("App", "PascalContext", string.Empty, "Changed"),
            TestSources.ReflectionBackedContext("App", "WebContext", "Changed"));
        Assert.Contains("names members as declared (PascalCase), but 'DefaultClient' declares in camelCase (the default)", diagnostics.Select(d => d.GetMessage()).First(m => m.Contains("DefaultClient", StringComparison.Ordinal)), StringComparison.Ordinal);

        AnalyzerRun.VerifyNone(
            Header + """
            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", NamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, SerializerContext = typeof(SnakeContext))]
            [Route(5, By = "d.eventType", Payload = "d.eventData")]
            [Receives(typeof(Changed))]
            public sealed partial class SnakeClient;
            """,
            TestSources.ReflectionBackedContextWithOptions("App", "SnakeContext", "[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]\n", "Changed"));
    }

    [Fact]
    public void CPWS0031_a_serializer_context_that_writes_numbers_or_leaves_out_members_otherwise()
    {
        AnalyzerRun.Verify(
            Header + """
            [WebSocketClient(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, SerializerContext = {|CPWS0031:typeof(WebContext)|})]
            [Sends(typeof(Plain))]
            public sealed partial class IgnoringClient;

            [Message("plain")] public sealed record Plain(string? Text);
            """,
            TestSources.ReflectionBackedContext("App", "WebContext", "Plain"));
    }

    [Fact]
    public void CPWS0032_a_payload_value_that_cannot_be_used()
    {
        AnalyzerRun.Verify("""
            using CpWebSocket;

            namespace App;

            [Message(1)] public sealed record Beat([PayloadValue] long? Sequence);
            [Message(2)] public sealed record Two([PayloadValue] int A, [PayloadValue] int B);
            [Message(3)] public sealed record Fixed { [PayloadValue] public bool Flag { get; } }

            [WebSocketClient]
            [Sends({|CPWS0032:typeof(Beat)|})]
            public sealed partial class FlatClient;

            [WebSocketClient(PayloadProperty = "d")]
            [Receives({|CPWS0032:typeof(Two)|})]
            [Receives({|CPWS0032:typeof(Fixed)|})]
            public sealed partial class WrappedClient;
            """);

        AnalyzerRun.VerifyNone("""
            using CpWebSocket;

            namespace App;

            [Message(1)] public sealed record Beat([PayloadValue] long? Sequence);
            [Message(3)] public sealed record Flag { [PayloadValue] public bool Value { get; init; } }

            [WebSocketClient(PayloadProperty = "d")]
            [Sends(typeof(Beat))]
            [Receives(typeof(Beat))]
            [Receives(typeof(Flag))]
            public sealed partial class WrappedClient;
            """);
    }

    [Fact]
    public void CPWS0033_envelope_constants_without_a_place_of_their_own()
    {
        AnalyzerRun.Verify("""
            using CpWebSocket;

            namespace App;

            [WebSocketClient(DiscriminatorProperty = "method", PayloadProperty = "params", RequestIdProperty = "id")]
            [EnvelopeConstant({|CPWS0033:"method"|}, "x")]
            [EnvelopeConstant({|CPWS0033:"params.v"|}, 1)]
            [EnvelopeConstant({|CPWS0033:"id"|}, true)]
            [EnvelopeConstant({|CPWS0033:""|}, "x")]
            [EnvelopeConstant("jsonrpc", "2.0")]
            [EnvelopeConstant({|CPWS0033:"jsonrpc"|}, "1.0")]
            public sealed partial class RpcClient;
            """);
    }

    [Fact]
    public void CPWS0034_an_envelope_type_that_cannot_be_read()
    {
        AnalyzerRun.Verify("""
            using CpWebSocket;

            namespace App;

            public abstract record Base(long S);
            public sealed record Open<T>(T S);

            [WebSocketClient(Envelope = {|CPWS0034:typeof(Base)|})]
            public sealed partial class AbstractClient;

            [WebSocketClient(Envelope = {|CPWS0034:typeof(Open<>)|})]
            public sealed partial class OpenClient;
            """);
    }

    [Fact]
    public void CPWS0035_responses_that_are_not_an_open_generic_response()
    {
        AnalyzerRun.Verify("""
            using CpWebSocket;

            namespace App;

            public sealed record RpcError(int Code);
            public sealed record Closed(int Result, RpcError? Error) : IResponse<int, RpcError>;
            public sealed record Plain<T>(T Result);
            public sealed record Rpc<T>(T Result, RpcError? Error) : IResponse<T, RpcError>;

            [WebSocketClient(RequestIdProperty = "id", Responses = {|CPWS0035:typeof(Closed)|})]
            public sealed partial class ClosedClient;

            [WebSocketClient(RequestIdProperty = "id", Responses = {|CPWS0035:typeof(Plain<>)|})]
            public sealed partial class PlainClient;

            [WebSocketClient(Responses = {|CPWS0035:typeof(Rpc<>)|})]
            public sealed partial class NoIdClient;
            """);
    }

    [Fact]
    public void CPWS0036_an_error_response_that_cannot_be_matched_or_thrown()
    {
        AnalyzerRun.Verify("""
            using CpWebSocket;

            namespace App;

            public sealed record NoMessage(string Text);
            [Message("error")] public readonly record struct ValueError(string Text);
            [Message("error")] public sealed record Fine(string Text);

            [WebSocketClient(RequestIdProperty = "id", ErrorResponse = {|CPWS0036:typeof(NoMessage)|})]
            public sealed partial class OneClient;

            [WebSocketClient(RequestIdProperty = "id", ErrorResponse = {|CPWS0036:typeof(ValueError)|})]
            public sealed partial class TwoClient;

            [WebSocketClient(ErrorResponse = {|CPWS0036:typeof(Fine)|})]
            public sealed partial class ThreeClient;
            """);
    }

    [Fact]
    public void CPWS0003_applies_to_the_pair_of_values()
    {
        AnalyzerRun.Verify(Header + """
            [Message(6, "Get")] public sealed record GetAgain;
            [Message(6, "Set")] public sealed record Set;

            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d")]
            [Route(6, By = "d.requestType", Payload = "d.requestData")]
            [Sends(typeof(Get))]
            [Sends(typeof(Set))]
            [Sends({|CPWS0003:typeof(GetAgain)|})]
            public sealed partial class ObsClient;
            """);
    }

    [Fact]
    public void CPWS0004_applies_to_the_second_level_of_one_route()
    {
        AnalyzerRun.Verify(Header + """
            [Message(5, 42)] public sealed record Numbered;

            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d")]
            [Route(5, By = "d.eventType", Payload = "d.eventData")]
            [Receives(typeof(Changed))]
            [Receives({|CPWS0004:typeof(Numbered)|})]
            public sealed partial class ObsClient;
            """);
    }

    [Fact]
    public void CPWS0005_the_types_a_context_must_know_for_values_envelopes_and_wrapped_responses()
    {
        AnalyzerRun.Verify(
            """
            using CpWebSocket;

            namespace App;

            [Message(1)] public sealed record Beat([PayloadValue] long? Sequence);
            [Message(2)] public sealed record Ask;
            public sealed record Envelope(long? S);
            public sealed record RpcError(int Code);
            public sealed record Rpc<T>(T Result, RpcError? Error) : IResponse<T, RpcError>;

            [WebSocketClient(PayloadProperty = "d", RequestIdProperty = "id", Responses = typeof(Rpc<>), Envelope = {|CPWS0005:typeof(Envelope)|}, SerializerContext = typeof(Context))]
            [Sends({|CPWS0005:typeof(Beat)|})]
            [Sends(typeof(Ask), Returns = {|CPWS0005:typeof(long)|})]
            public sealed partial class GatewayClient;
            """,
            TestSources.ReflectionBackedContext("App", "Context", "Beat", "Ask"));
    }
}
