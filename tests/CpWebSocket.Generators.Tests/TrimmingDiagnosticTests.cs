using CpWebSocket.Generators.Tests.Infrastructure;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>
/// CPWS0038: a client serialized by reflection is reported at its <c>[WebSocketClient]</c> when the project's trim or AOT
/// analysis is on, and nowhere else; its generated file carries no IL2026/IL3050 of its own (see <c>TrimmedBuildTests</c>).
/// </summary>
public sealed class TrimmingDiagnosticTests
{
    private const string Contracts = """
        using CpWebSocket;

        namespace App;

        [Message("ping")] public sealed record Ping(string Text);

        """;

    [Theory]
    [InlineData("EnableTrimAnalyzer")]
    [InlineData("EnableAotAnalyzer")]
    public void CPWS0038_client_without_serializer_context_in_a_trimmed_or_aot_project(string property)
    {
        var diagnostics = AnalyzerRun.Verify(
            BuildProperties.With(property, "true"),
            Contracts + """
            [{|CPWS0038:WebSocketClient(RequestIdProperty = "id")|}]
            [Sends(typeof(Ping))]
            public sealed partial class PingClient;
            """);
        Assert.Equal(
            "Websocket client 'PingClient' names no SerializerContext, so its messages would be serialized by reflection, and trimming removes the members that needs; list its messages in a JsonSerializerContext and name it with [WebSocketClient(SerializerContext = typeof(...))]",
            diagnostics[0].GetMessage());

        AnalyzerRun.VerifyNone(
            BuildProperties.With(property, "true"),
            Contracts + """
            [WebSocketClient(SerializerContext = typeof(PingJsonContext), RequestIdProperty = "id")]
            [Sends(typeof(Ping))]
            public sealed partial class PingClient;
            """,
            TestSources.ReflectionBackedContext("App", "PingJsonContext", "Ping"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData("")]
    public void CPWS0038_is_silent_when_the_project_is_neither_trimmed_nor_compiled_ahead_of_time(string? value)
    {
        AnalyzerRun.VerifyNone(
            value is null ? BuildProperties.None : BuildProperties.With("EnableTrimAnalyzer", value),
            Contracts + """
            [WebSocketClient]
            [Sends(typeof(Ping))]
            public sealed partial class PingClient;
            """);
    }
}
