using CpWebSocket.Generators.Model;
using CpWebSocket.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>
/// The incremental pipeline: a second run over an edited compilation reuses what did not change, and
/// no step output keeps a compilation alive.
/// </summary>
public sealed class IncrementalTests
{
    private const string Contracts = """
        using CpWebSocket;

        namespace App;

        [Message("chat.say")] public sealed record Say(string Text);
        [Message("chat.said")] public sealed record Said(string Text);
        [Message("ping")] public sealed record Ping;
        [Message("pong")] public sealed record Pong;
        """;

    private const string ChatClient = """
        using CpWebSocket;

        namespace App;

        [WebSocketClient]
        [Sends(typeof(Say))]
        [Receives(typeof(Said))]
        public sealed partial class ChatClient;
        """;

    private const string PingClient = """
        using CpWebSocket;

        namespace App;

        [WebSocketClient]
        [Sends(typeof(Ping))]
        [Receives(typeof(Pong))]
        public sealed partial class PingClient;
        """;

    private const string Unrelated = """
        namespace App;

        public static class Helpers
        {
            public static int Twice(int value) => value * 2;
        }
        """;

    [Fact]
    public void An_unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var compilation = TestCompilation.Create(Contracts, ChatClient, PingClient, Unrelated);
        var first = GeneratorRun.Of(compilation).AssertGeneratorSucceeded();
        Assert.Equal(2, first.Sources.Count);

        var edited = ReplaceSource(compilation, "Source3.cs", Unrelated.Replace("value * 2", "value + value", StringComparison.Ordinal));
        var second = GeneratorRun.Continue(first.Driver, edited).AssertGeneratorSucceeded();

        IncrementalSteps.AssertAllCachedOrUnchanged(second.Result);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Adding_an_unrelated_file_leaves_every_step_cached_or_unchanged()
    {
        var compilation = TestCompilation.Create(Contracts, ChatClient, PingClient);
        var first = GeneratorRun.Of(compilation);

        var second = GeneratorRun.Continue(
            first.Driver,
            compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(Unrelated, TestCompilation.ParseOptions, path: "Extra.cs")));

        IncrementalSteps.AssertAllCachedOrUnchanged(second.Result);
    }

    [Fact]
    public void Editing_a_message_value_regenerates_only_the_client_that_uses_it()
    {
        var compilation = TestCompilation.Create(Contracts, ChatClient, PingClient);
        var first = GeneratorRun.Of(compilation).AssertGeneratorSucceeded();

        var edited = ReplaceSource(compilation, "Source0.cs", Contracts.Replace("\"ping\"", "\"ping.v2\"", StringComparison.Ordinal));
        var second = GeneratorRun.Continue(first.Driver, edited).AssertGeneratorSucceeded().AssertCompiles();

        foreach (var name in IncrementalSteps.StepNames)
        {
            var reasons = IncrementalSteps.Outputs(second.Result, name)
                .Where(output => output.Value is ClientModel)
                .ToDictionary(output => ((ClientModel)output.Value).ClassName, output => output.Reason);
            Assert.Equal(IncrementalStepRunReason.Modified, reasons["PingClient"]);
            Assert.True(
                reasons["ChatClient"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"{name} re-ran ChatClient: {reasons["ChatClient"]}");
        }

        var outputReasons = second.Result.Results.Single().TrackedOutputSteps
            .SelectMany(pair => pair.Value)
            .SelectMany(step => step.Outputs)
            .Select(output => output.Reason)
            .Order()
            .ToList();
        Assert.Equal([IncrementalStepRunReason.Modified, IncrementalStepRunReason.Cached], outputReasons);

        Assert.Equal(first.Sources["App.ChatClient.g.cs"], second.Sources["App.ChatClient.g.cs"]);
        Assert.Contains("Outbound<global::App.Ping>(\"ping.v2\")", second.Sources["App.PingClient.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_client_regenerates_only_that_client()
    {
        var compilation = TestCompilation.Create(Contracts, ChatClient, PingClient);
        var first = GeneratorRun.Of(compilation);

        var edited = ReplaceSource(compilation, "Source1.cs", ChatClient.Replace("[WebSocketClient]", "[WebSocketClient(PayloadProperty = \"data\")]", StringComparison.Ordinal));
        var second = GeneratorRun.Continue(first.Driver, edited).AssertGeneratorSucceeded();

        var reasons = IncrementalSteps.Outputs(second.Result, TrackingNames.RemovingNulls)
            .ToDictionary(output => ((ClientModel)output.Value).ClassName, output => output.Reason);
        Assert.Equal(IncrementalStepRunReason.Modified, reasons["ChatClient"]);
        Assert.True(reasons["PingClient"] is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        Assert.Contains("MessageEnvelope(\"type\", \"data\")", second.Sources["App.ChatClient.g.cs"], StringComparison.Ordinal);
    }

    private const string ProtocolClient = """
        using CpWebSocket;
        using System.Text.Json.Serialization;

        namespace App;

        [Message(5, "Changed")] public sealed record Changed(string Name, Location Where);
        public sealed record Location(string Room);
        [Message(6, "Get")] public sealed record Get;
        [Message(1)] public sealed record Beat([PayloadValue] long? Sequence);
        public sealed record Status(bool Ok);
        public sealed record Envelope(long? S);

        [Message(7)]
        public sealed record Reply<T>(Status Status, T? Data) : IResponse<T, Status>
        {
            T IResponse<T, Status>.Result => Data!;
            Status? IResponse<T, Status>.Error => Status.Ok ? null : Status;
        }

        [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", RequestIdProperty = "id", Responses = typeof(Reply<>),
            Envelope = typeof(Envelope), NamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
        [Route(5, By = "d.eventType", Payload = "d.eventData")]
        [Route(6, By = "d.requestType", Payload = "d.requestData")]
        [EnvelopeConstant("v", 5)]
        [Receives(typeof(Changed))]
        [Sends(typeof(Get), Returns = typeof(void))]
        [Sends(typeof(Beat))]
        public sealed partial class ObsClient;
        """;

    [Fact]
    public void A_client_with_routes_shapes_and_an_envelope_stays_cached_across_an_unrelated_edit_and_holds_no_symbols()
    {
        var compilation = TestCompilation.Create(Contracts, ProtocolClient, Unrelated);
        var first = GeneratorRun.Of(compilation).AssertGeneratorSucceeded().AssertCompiles();
        IncrementalSteps.AssertNoCompilationObjects(first.Result);

        var edited = ReplaceSource(compilation, "Source2.cs", Unrelated.Replace("value * 2", "value + value", StringComparison.Ordinal));
        var second = GeneratorRun.Continue(first.Driver, edited).AssertGeneratorSucceeded();

        IncrementalSteps.AssertAllCachedOrUnchanged(second.Result);
        IncrementalSteps.AssertNoCompilationObjects(second.Result);
        Assert.Equal(first.Sources, second.Sources);
    }

    [Fact]
    public void Editing_a_nested_type_of_a_shape_regenerates_its_client()
    {
        var compilation = TestCompilation.Create(Contracts, ProtocolClient);
        var first = GeneratorRun.Of(compilation).AssertGeneratorSucceeded();

        var edited = ReplaceSource(compilation, "Source1.cs", ProtocolClient.Replace("record Location(string Room)", "record Location(string? Room)", StringComparison.Ordinal));
        var second = GeneratorRun.Continue(first.Driver, edited).AssertGeneratorSucceeded().AssertCompiles();

        Assert.Contains("MessageShapeMember(\"room\")", first.Sources["App.ObsClient.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("MessageShapeMember(\"room\")", second.Sources["App.ObsClient.g.cs"], StringComparison.Ordinal);
    }

    [Fact]
    public void Step_outputs_hold_no_symbol_syntax_compilation_or_location()
    {
        var compilation = TestCompilation.Create(Contracts, ChatClient, PingClient, Unrelated);
        var first = GeneratorRun.Of(compilation);
        IncrementalSteps.AssertNoCompilationObjects(first.Result);

        var edited = ReplaceSource(compilation, "Source0.cs", Contracts.Replace("\"pong\"", "\"pong.v2\"", StringComparison.Ordinal));
        var second = GeneratorRun.Continue(first.Driver, edited);
        IncrementalSteps.AssertNoCompilationObjects(second.Result);
    }

    [Fact]
    public void The_graph_check_rejects_a_symbol_in_an_output()
    {
        // Guards the guard: the walk must see through records, arrays and fields.
        var compilation = TestCompilation.Create(Contracts);
        var symbol = compilation.GetTypeByMetadataName("App.Say")!;

        Assert.ThrowsAny<Exception>(() => IncrementalSteps.AssertGraphIsClean(new { Inner = new object[] { 1, new { Symbol = symbol } } }, "test"));
        IncrementalSteps.AssertGraphIsClean(new { Inner = new object[] { 1, "text", IncrementalStepRunReason.Cached } }, "test");
    }

    private static Compilation ReplaceSource(Compilation compilation, string path, string source)
    {
        var old = compilation.SyntaxTrees.Single(tree => tree.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, TestCompilation.ParseOptions, path: path));
    }
}
