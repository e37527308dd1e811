using CpWebSocket.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>
/// Each diagnostic fires on bad code exactly where it is marked (<c>{|CPWS0001:...|}</c>) and not on the
/// corrected code. Every run also checks that the generator neither throws nor adds broken code.
/// </summary>
public sealed class DiagnosticTests
{
    private const string Header = """
        using CpWebSocket;

        namespace App;

        [Message("a")] public sealed record A;

        """;

    [Fact]
    public void CPWS0001_client_class_that_is_not_partial()
    {
        AnalyzerRun.Verify(Header + """
            [WebSocketClient]
            [Sends(typeof(A))]
            public sealed class {|CPWS0001:ChatClient|};
            """);

        AnalyzerRun.VerifyNone(Header + """
            [WebSocketClient]
            [Sends(typeof(A))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0001_containing_type_that_is_not_partial()
    {
        var diagnostics = AnalyzerRun.Verify(Header + """
            public static class {|CPWS0001:Outer|}
            {
                [WebSocketClient]
                [Sends(typeof(A))]
                public sealed partial class ChatClient;
            }
            """);
        Assert.Contains("'Outer' must be declared partial", diagnostics[0].GetMessage(), StringComparison.Ordinal);

        AnalyzerRun.VerifyNone(Header + """
            public static partial class Outer
            {
                [WebSocketClient]
                [Sends(typeof(A))]
                public sealed partial class ChatClient;
            }
            """);
    }

    [Fact]
    public void CPWS0002_contract_without_message_attribute()
    {
        AnalyzerRun.Verify(Header + """
            public sealed record Plain;

            [WebSocketClient]
            [Sends({|CPWS0002:typeof(Plain)|})]
            [Receives({|CPWS0002:typeof(Plain)|})]
            public sealed partial class ChatClient;
            """);

        AnalyzerRun.VerifyNone(Header + """
            [Message("plain")] public sealed record Plain;

            [WebSocketClient]
            [Sends(typeof(Plain))]
            [Receives(typeof(Plain))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0003_duplicate_discriminator_among_sent_and_among_received_types()
    {
        var diagnostics = AnalyzerRun.Verify(Header + """
            [Message("a")] public sealed record B;

            [WebSocketClient]
            [Sends(typeof(A))]
            [Sends({|CPWS0003:typeof(B)|})]
            [Receives(typeof(A))]
            [Receives({|CPWS0003:typeof(B)|})]
            public sealed partial class ChatClient;
            """);
        Assert.Equal(
            ["'App.A' and 'App.B' are both received by 'ChatClient' with discriminator \"a\", so a message could not be told apart; give one of them a different [Message] value",
             "'App.A' and 'App.B' are both sent by 'ChatClient' with discriminator \"a\", so a message could not be told apart; give one of them a different [Message] value"],
            diagnostics.Select(d => d.GetMessage()).Order(StringComparer.Ordinal));

        // One type both ways, and one value in each direction, are fine.
        AnalyzerRun.VerifyNone(Header + """
            [Message("b")] public sealed record B;
            [Message("a")] public sealed record AReply;

            [WebSocketClient]
            [Sends(typeof(A))]
            [Sends(typeof(B))]
            [Receives(typeof(AReply))]
            [Receives(typeof(B))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0003_duplicate_integer_discriminator()
    {
        AnalyzerRun.Verify("""
            using CpWebSocket;

            namespace App;

            [Message(5)] public sealed record Five;
            [Message(5L)] public sealed record AlsoFive;

            [WebSocketClient]
            [Receives(typeof(Five))]
            [Receives({|CPWS0003:typeof(AlsoFive)|})]
            public sealed partial class ObsClient;
            """);
    }

    [Fact]
    public void CPWS0004_string_and_integer_discriminators_mixed()
    {
        AnalyzerRun.Verify(Header + """
            [Message(2)] public sealed record B;

            [WebSocketClient]
            [Sends(typeof(A))]
            [Receives({|CPWS0004:typeof(B)|})]
            public sealed partial class ChatClient;
            """);

        AnalyzerRun.VerifyNone(Header + """
            [Message("b")] public sealed record B;

            [WebSocketClient]
            [Sends(typeof(A))]
            [Receives(typeof(B))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0005_contract_missing_from_serializer_context()
    {
        var diagnostics = AnalyzerRun.Verify(
            Header + """
            [Message("b")] public sealed record B;

            [WebSocketClient(SerializerContext = typeof(ChatJsonContext))]
            [Sends(typeof(A))]
            [Receives({|CPWS0005:typeof(B)|})]
            public sealed partial class ChatClient;
            """,
            TestSources.ReflectionBackedContext("App", "ChatJsonContext", "A"));
        Assert.Equal(DiagnosticSeverity.Error, diagnostics[0].Severity);
        Assert.Contains("add [JsonSerializable(typeof(App.B))] to 'App.ChatJsonContext'", diagnostics[0].GetMessage(), StringComparison.Ordinal);

        AnalyzerRun.VerifyNone(
            Header + """
            [Message("b")] public sealed record B;

            [WebSocketClient(SerializerContext = typeof(ChatJsonContext))]
            [Sends(typeof(A))]
            [Receives(typeof(B))]
            public sealed partial class ChatClient;
            """,
            TestSources.ReflectionBackedContext("App", "ChatJsonContext", "A", "B"));
    }

    [Fact]
    public void CPWS0005_response_type_missing_from_serializer_context()
    {
        AnalyzerRun.Verify(
            Header + """
            public sealed record Reply(bool Ok);

            [WebSocketClient(SerializerContext = typeof(ChatJsonContext), RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = {|CPWS0005:typeof(Reply)|})]
            public sealed partial class ChatClient;
            """,
            TestSources.ReflectionBackedContext("App", "ChatJsonContext", "A"));

        AnalyzerRun.VerifyNone(
            Header + """
            public sealed record Reply(bool Ok);

            [WebSocketClient(SerializerContext = typeof(ChatJsonContext), RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = typeof(Reply))]
            public sealed partial class ChatClient;
            """,
            TestSources.ReflectionBackedContext("App", "ChatJsonContext", "A", "Reply"));
    }

    [Fact]
    public void CPWS0005_is_not_reported_for_a_type_the_context_exposes_type_info_for()
    {
        // The System.Text.Json generator adds a JsonTypeInfo<T> property for every type reachable from the
        // declared ones; a contract reached that way is covered.
        AnalyzerRun.VerifyNone(
            Header + """
            [WebSocketClient(SerializerContext = typeof(ChatJsonContext))]
            [Sends(typeof(A))]
            public sealed partial class ChatClient;

            public sealed partial class ChatJsonContext
            {
                public System.Text.Json.Serialization.Metadata.JsonTypeInfo<A> A
                    => (System.Text.Json.Serialization.Metadata.JsonTypeInfo<A>)GetTypeInfo(typeof(A))!;
            }
            """,
            TestSources.ReflectionBackedContext("App", "ChatJsonContext").Replace("public sealed class", "public sealed partial class", StringComparison.Ordinal));
    }

    [Fact]
    public void CPWS0006_serializer_context_that_is_not_a_json_serializer_context()
    {
        AnalyzerRun.Verify(Header + """
            public sealed class NotAContext;

            [WebSocketClient(SerializerContext = {|CPWS0006:typeof(NotAContext)|})]
            [Sends(typeof(A))]
            public sealed partial class ChatClient;
            """);

        AnalyzerRun.VerifyNone(Header + """
            [WebSocketClient(SerializerContext = null)]
            [Sends(typeof(A))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0007_generic_client_class()
    {
        AnalyzerRun.Verify(Header + """
            [WebSocketClient]
            [Sends(typeof(A))]
            public sealed partial class {|CPWS0007:ChatClient|}<T>;
            """);

        AnalyzerRun.VerifyNone(Header + """
            public partial class Outer<T>
            {
                [WebSocketClient]
                [Sends(typeof(A))]
                public sealed partial class ChatClient;
            }
            """);
    }

    [Fact]
    public void CPWS0008_client_class_with_a_base_class()
    {
        AnalyzerRun.Verify(Header + """
            public class Base;

            [WebSocketClient]
            [Sends(typeof(A))]
            public partial class {|CPWS0008:ChatClient|} : Base;
            """);

        // Naming MessageClient itself, or adding interfaces, is fine.
        AnalyzerRun.VerifyNone(Header + """
            public interface IChat;

            [WebSocketClient]
            [Sends(typeof(A))]
            public partial class ChatClient : CpWebSocket.Messaging.MessageClient, IChat;
            """);
    }

    [Fact]
    public void CPWS0009_static_client_class()
    {
        AnalyzerRun.Verify(Header + """
            [WebSocketClient]
            [Sends(typeof(A))]
            public static partial class {|CPWS0009:ChatClient|};
            """);

        AnalyzerRun.VerifyNone(Header + """
            [WebSocketClient]
            [Sends(typeof(A))]
            public abstract partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0010_open_generic_contract()
    {
        AnalyzerRun.Verify(Header + """
            [Message("box")] public sealed record Box<T>(T Value);

            [WebSocketClient]
            [Sends({|CPWS0010:typeof(Box<>)|})]
            public sealed partial class ChatClient;
            """);

        AnalyzerRun.VerifyNone(Header + """
            [Message("box")] public sealed record Box<T>(T Value);

            [WebSocketClient]
            [Sends(typeof(Box<int>))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0010_abstract_class_or_interface_contract()
    {
        var diagnostics = AnalyzerRun.Verify(Header + """
            [Message("shape")] public abstract record Shape;
            public interface IEvent;

            [WebSocketClient]
            [Receives({|CPWS0010:typeof(Shape)|})]
            [Receives({|CPWS0010:typeof(IEvent)|})]
            public sealed partial class ChatClient;
            """);
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("an abstract class cannot be deserialized", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("an interface cannot be deserialized", StringComparison.Ordinal));

        AnalyzerRun.VerifyNone(Header + """
            [Message("shape")] public sealed record Shape;

            [WebSocketClient]
            [Receives(typeof(Shape))]
            public sealed partial class ChatClient;
            """);
    }

    [Theory]
    [InlineData("typeof(Tools)")]
    [InlineData("typeof(A[])")]
    [InlineData("null")]
    public void CPWS0010_static_array_or_missing_contract(string argument)
    {
        AnalyzerRun.Verify(Header + $$"""
            public static class Tools;

            [WebSocketClient]
            [Sends(typeof(A))]
            [Sends({|CPWS0010:{{argument}}|})]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0010_private_contract_on_a_public_client()
    {
        AnalyzerRun.Verify(Header + """
            public partial class Outer
            {
                [Message("secret")] private sealed record Secret;

                [WebSocketClient]
                [Sends({|CPWS0010:typeof(Secret)|})]
                public sealed partial class ChatClient;
            }
            """);

        // An internal contract is exposed through internal members, even on a public client.
        AnalyzerRun.VerifyNone(Header + """
            [Message("hidden")] internal sealed record Hidden;

            public partial class Outer
            {
                [Message("secret")] private sealed record Secret;

                [WebSocketClient]
                [Sends(typeof(Secret))]
                private sealed partial class PrivateClient;
            }

            [WebSocketClient]
            [Sends(typeof(Hidden))]
            [Receives(typeof(Hidden))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0011_contracts_whose_generated_members_would_clash()
    {
        const string contracts = """
            using CpWebSocket;

            namespace App.Requests
            {
                [Message("request.ping")] public sealed record Ping;
            }

            namespace App.Events
            {
                [Message("event.ping")] public sealed record Ping;
            }

            """;

        var diagnostics = AnalyzerRun.Verify(contracts + """
            namespace App
            {
                [WebSocketClient]
                [Sends(typeof(Requests.Ping))]
                [Sends({|CPWS0011:typeof(Events.Ping)|})]
                public sealed partial class ChatClient;
            }
            """);
        Assert.Contains("member '__Ping_Out'", diagnostics[0].GetMessage(), StringComparison.Ordinal);

        // Sent and received members have different names, so one simple name per direction is fine.
        AnalyzerRun.VerifyNone(contracts + """
            namespace App
            {
                [WebSocketClient]
                [Sends(typeof(Requests.Ping))]
                [Receives(typeof(Events.Ping))]
                public sealed partial class ChatClient;
            }
            """);
    }

    [Fact]
    public void CPWS0012_empty_or_whitespace_envelope_property()
    {
        AnalyzerRun.Verify(Header + """
            [WebSocketClient(DiscriminatorProperty = {|CPWS0012:" "|}, PayloadProperty = {|CPWS0012:""|})]
            [Sends(typeof(A))]
            public sealed partial class ChatClient;
            """);

        AnalyzerRun.VerifyNone(Header + """
            [WebSocketClient(DiscriminatorProperty = "kind", PayloadProperty = "data")]
            [Sends(typeof(A))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0013_payload_property_equal_to_discriminator_property()
    {
        AnalyzerRun.Verify(Header + """
            [WebSocketClient(PayloadProperty = {|CPWS0013:"type"|})]
            [Sends(typeof(A))]
            public sealed partial class ChatClient;
            """);

        AnalyzerRun.VerifyNone(Header + """
            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "type")]
            [Sends(typeof(A))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0014_type_listed_twice()
    {
        var diagnostics = AnalyzerRun.Verify(Header + """
            [WebSocketClient]
            [Sends(typeof(A))]
            [Sends({|CPWS0014:typeof(A)|})]
            public sealed partial class ChatClient;
            """);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostics[0].Severity);

        AnalyzerRun.VerifyNone(Header + """
            [WebSocketClient]
            [Sends(typeof(A))]
            [Receives(typeof(A))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0015_received_type_whose_event_would_hide_an_inherited_member()
    {
        // MessageClient already has the raw MessageReceived event.
        var diagnostics = AnalyzerRun.Verify(Header + """
            [Message("message")] public sealed record Message(string Text);

            [WebSocketClient]
            [Receives({|CPWS0015:typeof(Message)|})]
            public sealed partial class ChatClient;
            """);
        Assert.Contains("'MessageReceived'", diagnostics[0].GetMessage(), StringComparison.Ordinal);

        AnalyzerRun.VerifyNone(Header + """
            [Message("message")] public sealed record Message(string Text);

            [WebSocketClient]
            [Sends(typeof(Message))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0016_null_or_empty_message_discriminator()
    {
        AnalyzerRun.Verify("""
            #nullable disable
            using CpWebSocket;

            namespace App;

            [Message({|CPWS0016:""|})] public sealed record Empty;
            [Message({|CPWS0016:null|})] public sealed record Missing;

            [WebSocketClient]
            [Sends(typeof(Empty))]
            [Receives(typeof(Missing))]
            public sealed partial class ChatClient;
            """);

        AnalyzerRun.VerifyNone("""
            using CpWebSocket;

            namespace App;

            [Message(" ")] public sealed record Blank;
            [Message(0)] public sealed record Zero;
            """);
    }

    [Fact]
    public void CPWS0017_record_client()
    {
        AnalyzerRun.Verify(Header + """
            [WebSocketClient]
            [Sends(typeof(A))]
            public sealed partial record {|CPWS0017:ChatClient|};
            """);
    }

    [Fact]
    public void CPWS0018_flat_sent_type_with_a_property_serialized_as_the_discriminator()
    {
        var diagnostics = AnalyzerRun.Verify(Header + """
            [Message("note")] public sealed record Note(string Type, string Text);
            [Message("tagged")] public sealed class Tagged { [System.Text.Json.Serialization.JsonPropertyName("kind")] public string? Category { get; set; } }

            [WebSocketClient]
            [Sends({|CPWS0018:typeof(Note)|})]
            public sealed partial class NoteClient;

            [WebSocketClient(DiscriminatorProperty = "kind")]
            [Sends({|CPWS0018:typeof(Tagged)|})]
            public sealed partial class TagClient;
            """);
        Assert.Contains("'App.Note' has member 'Type', serialized as \"type\"", diagnostics.Select(d => d.GetMessage()).Order(StringComparer.Ordinal).First(), StringComparison.Ordinal);

        // Ignored, wrapped, received-only, or named otherwise by the context's policy: all fine.
        AnalyzerRun.VerifyNone(
            Header + """
            [Message("note")] public sealed record Note([property: System.Text.Json.Serialization.JsonIgnore] string Type, string Text);
            [Message("wrapped")] public sealed record Wrapped(string Type);

            [WebSocketClient]
            [Sends(typeof(Note))]
            [Receives(typeof(Wrapped))]
            public sealed partial class NoteClient;

            [WebSocketClient(PayloadProperty = "data")]
            [Sends(typeof(Wrapped))]
            public sealed partial class WrappedClient;

            [WebSocketClient(SerializerContext = typeof(AsDeclaredContext), NamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.Unspecified)]
            [Sends(typeof(Wrapped))]
            public sealed partial class ContextClient;
            """,
            TestSources.ReflectionBackedContextWithOptions("App", "AsDeclaredContext", string.Empty, "Wrapped"));
    }

    [Fact]
    public void CPWS0018_follows_the_naming_policy_of_the_serializer_context()
    {
        AnalyzerRun.Verify(
            Header + """
            [Message("wrapped")] public sealed record Wrapped(string Type);

            [WebSocketClient(SerializerContext = typeof(WebContext))]
            [Sends({|CPWS0018:typeof(Wrapped)|})]
            public sealed partial class ContextClient;
            """,
            TestSources.ReflectionBackedContextWithOptions("App", "WebContext", "[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]\n", "Wrapped"));
    }

    [Fact]
    public void CPWS0019_file_local_client()
    {
        AnalyzerRun.Verify(Header + """
            [WebSocketClient]
            [Sends(typeof(A))]
            file sealed partial class {|CPWS0019:ChatClient|};
            """);

        AnalyzerRun.VerifyNone(Header + """
            [WebSocketClient]
            [Sends(typeof(A))]
            internal sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void Several_problems_are_all_reported_and_valid_contracts_still_generate()
    {
        var markup = Header + """
            public sealed record Plain;
            [Message(3)] public sealed record Three;
            [Message("said")] public sealed record Said;

            [WebSocketClient]
            [Sends(typeof(A))]
            [Sends({|CPWS0002:typeof(Plain)|})]
            [Sends({|CPWS0004:typeof(Three)|})]
            [Receives(typeof(Said))]
            public sealed partial class ChatClient;
            """;
        AnalyzerRun.Verify(markup);

        var run = GeneratorRun.Of(DiagnosticMarkup.Parse(markup).Source).AssertGeneratorSucceeded().AssertCompiles();
        var source = run.Sources["App.ChatClient.g.cs"];
        Assert.Contains("SendAsync(global::App.A message", source, StringComparison.Ordinal);
        Assert.Contains("SaidReceived", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Plain", source, StringComparison.Ordinal);
        Assert.DoesNotContain("Three", source, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[WebSocketClient][Sends(typeof(Missing))] public sealed partial class ChatClient;")]
    [InlineData("[WebSocketClient][Sends] public sealed partial class ChatClient;")]
    [InlineData("[WebSocketClient][Sends(typeof(A), typeof(A))] public sealed partial class ChatClient;")]
    [InlineData("[WebSocketClient(SerializerContext = typeof(Missing))][Sends(typeof(A))] public sealed partial class ChatClient;")]
    [InlineData("[WebSocketClient(DiscriminatorProperty = 5)][Sends(typeof(A))] public sealed partial class ChatClient;")]
    [InlineData("[WebSocketClient][Sends(typeof(B))] public sealed partial class ChatClient; [Message] public sealed record B;")]
    [InlineData("[WebSocketClient][Sends(typeof(A))] public sealed partial class ChatClient : Missing;")]
    [InlineData("[WebSocketClient][Sends(typeof(A))] public sealed partial class ChatClient { public void Broken( }")]
    [InlineData("[WebSocketClient][Sends(typeof(A))] public sealed partial class")]
    public void Code_that_does_not_compile_is_left_to_the_compiler(string declaration)
    {
        // The generator must not throw or add errors of its own; the analyzer must not pile on.
        var diagnostics = AnalyzerRun.Analyze(Header + declaration);

        Assert.Empty(diagnostics);
    }
    [Fact]
    public void CPWS0020_request_on_a_client_without_a_request_id_property()
    {
        var diagnostics = AnalyzerRun.Verify(Header + """
            [Message("b")] public sealed record B;

            [WebSocketClient]
            [Sends(typeof(A), Returns = {|CPWS0020:typeof(B)|})]
            public sealed partial class ChatClient;
            """);
        Assert.Contains("names no RequestIdProperty", diagnostics[0].GetMessage(), StringComparison.Ordinal);

        AnalyzerRun.VerifyNone(Header + """
            [Message("b")] public sealed record B;

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = typeof(B))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0021_response_type_that_cannot_be_a_contract()
    {
        var diagnostics = AnalyzerRun.Verify(Header + """
            public interface IReply;
            public abstract record Reply;

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = {|CPWS0021:typeof(IReply)|})]
            public sealed partial class ChatClient;

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = {|CPWS0021:typeof(Reply)|})]
            public sealed partial class OtherClient;
            """);
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("an interface cannot be deserialized", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("an abstract class cannot be deserialized", StringComparison.Ordinal));

        // A response needs no [Message]: it is matched by its id, not by a discriminator.
        AnalyzerRun.VerifyNone(Header + """
            public sealed record Reply(bool Ok);

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = typeof(Reply))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0021_response_types_that_can_never_answer_a_request()
    {
        var diagnostics = AnalyzerRun.Verify("using System.Threading.Tasks;\n" + Header + """
            public sealed record Reply(bool Ok);
            public sealed record RpcError(int Code);
            public sealed record Rpc<T>(T Result, RpcError? Error) : IResponse<T, RpcError>;
            public delegate void Callback();

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = {|CPWS0021:typeof(Task<Reply>)|})]
            public sealed partial class TaskClient;

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = {|CPWS0021:typeof(ValueTask)|})]
            public sealed partial class ValueTaskClient;

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = {|CPWS0021:typeof(System.Collections.Generic.IAsyncEnumerable<Reply>)|})]
            public sealed partial class StreamClient;

            [WebSocketClient(RequestIdProperty = "id", Responses = typeof(Rpc<>))]
            [Sends(typeof(A), Returns = {|CPWS0021:typeof(ValueTask<Reply>)|}, MethodName = "GetAsync")]
            [Sends(typeof(A), Returns = {|CPWS0021:typeof(Callback)|}, MethodName = "CallAsync")]
            [Sends(typeof(A), Returns = {|CPWS0021:typeof(System.Type)|}, MethodName = "TypeAsync")]
            [Sends(typeof(A), Returns = {|CPWS0021:typeof(nint)|}, MethodName = "PointerAsync")]
            public sealed partial class RpcClient;
            """);
        var messages = diagnostics.Select(d => d.GetMessage()).ToList();
        Assert.Contains(
            "'System.Threading.Tasks.Task<App.Reply>' cannot be the response of 'App.A' in 'TaskClient': the request method already returns a task; name what the response carries, Returns = typeof(App.Reply)",
            messages);
        Assert.Contains(
            "'System.Threading.Tasks.ValueTask' cannot be the response of 'App.A' in 'ValueTaskClient': the request method already returns a task; name what the response carries, or Returns = typeof(void) to wait for the response without reading it",
            messages);
        Assert.Contains(messages, m => m.Contains("in 'StreamClient': a request is answered by one message, not a stream", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'System.Threading.Tasks.ValueTask<App.Reply>' cannot be the response of 'App.A' in 'RpcClient': the request method already returns a task; name what the response carries, Returns = typeof(App.Reply)", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'App.Callback' cannot be the response of 'App.A' in 'RpcClient': a delegate cannot be serialized", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'System.Type' cannot be the response of 'App.A' in 'RpcClient': System.Text.Json does not serialize reflection types", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("'nint' cannot be the response of 'App.A' in 'RpcClient': System.Text.Json does not serialize native pointers", StringComparison.Ordinal));

        // What a task would have carried is a response of its own; Returns = typeof(void) waits without reading.
        AnalyzerRun.VerifyNone(Header + """
            public sealed record Reply(bool Ok);

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = typeof(Reply))]
            public sealed partial class TaskClient;

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = typeof(void))]
            public sealed partial class ValueTaskClient;
            """);
    }

    [Fact]
    public void CPWS0022_request_method_name_that_is_not_an_identifier()
    {
        var diagnostics = AnalyzerRun.Verify(Header + """
            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = typeof(A), MethodName = {|CPWS0022:"Get A"|})]
            public sealed partial class ChatClient;

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = typeof(A), MethodName = {|CPWS0022:"class"|})]
            public sealed partial class OtherClient;
            """);
        Assert.Contains("such as \"AAsync\"", diagnostics[0].GetMessage(), StringComparison.Ordinal);

        AnalyzerRun.VerifyNone(Header + """
            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = typeof(A), MethodName = "GetAAsync")]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0023_request_timeout_below_minus_one()
    {
        AnalyzerRun.Verify(Header + """
            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = typeof(A), TimeoutMilliseconds = {|CPWS0023:-5|})]
            public sealed partial class ChatClient;
            """);

        AnalyzerRun.VerifyNone(Header + """
            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = typeof(A), TimeoutMilliseconds = -1)]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0024_request_id_property_that_is_empty_or_taken_by_the_envelope()
    {
        var diagnostics = AnalyzerRun.Verify(Header + """
            [WebSocketClient(RequestIdProperty = {|CPWS0024:"type"|})]
            [Sends(typeof(A))]
            public sealed partial class ChatClient;

            [WebSocketClient(PayloadProperty = "data", RequestIdProperty = {|CPWS0024:"data"|})]
            [Sends(typeof(A))]
            public sealed partial class WrappedClient;

            [WebSocketClient(RequestIdProperty = {|CPWS0024:""|})]
            [Sends(typeof(A))]
            public sealed partial class EmptyClient;
            """);
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("is \"type\", the discriminator property", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("is \"data\", the payload property", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.GetMessage().Contains("is empty", StringComparison.Ordinal));

        // Inside the payload, the id may share a name with an envelope property.
        AnalyzerRun.VerifyNone(Header + """
            [WebSocketClient(PayloadProperty = "data", RequestIdProperty = "type", RequestIdLocation = RequestIdLocation.Payload)]
            [Sends(typeof(A), Returns = typeof(A))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0011_request_method_that_clashes_with_another_contracts_member()
    {
        AnalyzerRun.Verify(Header + """
            [Message("b")] public sealed record B;

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends(typeof(A), Returns = typeof(A), MethodName = "ReadAllBAsync")]
            [Receives({|CPWS0011:typeof(B)|})]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0025_request_with_a_property_named_like_the_request_id()
    {
        var diagnostics = AnalyzerRun.Verify(Header + """
            [Message("get")] public sealed record Get(int Id, string Name);

            [WebSocketClient(RequestIdProperty = "id")]
            [Sends({|CPWS0025:typeof(Get)|}, Returns = typeof(A))]
            public sealed partial class ChatClient;
            """);
        Assert.Contains("has member 'Id', serialized as \"id\"", diagnostics[0].GetMessage(), StringComparison.Ordinal);

        // Wrapped with the id next to the discriminator, the payload's own "id" stands elsewhere.
        AnalyzerRun.VerifyNone(Header + """
            [Message("get")] public sealed record Get(int Id, string Name);

            [WebSocketClient(PayloadProperty = "data", RequestIdProperty = "id")]
            [Sends(typeof(Get), Returns = typeof(A))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0037_client_attributes_on_a_class_without_WebSocketClient()
    {
        var diagnostics = AnalyzerRun.Verify(Header + """
            [Message("b")] public sealed record B;

            [Sends(typeof(A))]
            [Receives(typeof(B))]
            public sealed partial class {|CPWS0037:ChatClient|};

            [EnvelopeConstant("jsonrpc", "2.0")]
            [Route(5, By = "d.type")]
            public sealed partial class {|CPWS0037:RpcClient|};
            """);
        Assert.Equal(
            ["'ChatClient' has [Sends], [Receives] but no [WebSocketClient], so none of its members are generated; add [WebSocketClient] to 'ChatClient'",
             "'RpcClient' has [Route], [EnvelopeConstant] but no [WebSocketClient], so none of its members are generated; add [WebSocketClient] to 'RpcClient'"],
            diagnostics.Select(d => d.GetMessage()).Order(StringComparer.Ordinal));

        // [WebSocketClient] on another part of the class counts.
        AnalyzerRun.VerifyNone(Header + """
            [Message("b")] public sealed record B;

            [Sends(typeof(A))]
            public sealed partial class ChatClient;

            [WebSocketClient]
            [Receives(typeof(B))]
            public sealed partial class ChatClient;
            """);
    }

    [Fact]
    public void CPWS0037_is_reported_on_the_part_that_carries_the_attributes()
    {
        AnalyzerRun.Verify(Header + """
            public sealed partial class ChatClient
            {
                public void Helper()
                {
                }
            }

            [Sends(typeof(A))]
            public sealed partial class {|CPWS0037:ChatClient|};
            """);
    }
}
