using CpWebSocket.Documentation;
using CpWebSocket.Generators.Tests.Infrastructure;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>
/// The generated file compiles next to a member named <c>Contracts</c> the user declares: the user's member stands, the
/// generated static <c>Contracts</c> is left out, and <see cref="ClientContracts.Of"/> says why the client has none.
/// </summary>
public sealed class UserContractsMemberTests
{
    private const string Client = """
        using System;
        using System.Collections.Generic;
        using CpWebSocket;

        namespace App;

        [Message("ping")] public sealed record Ping;

        [WebSocketClient]
        [Sends(typeof(Ping))]
        public sealed partial class PingClient
        {

        """;

    public static TheoryData<string> Members { get; } = new()
    {
        // A trading API's futures contracts, say.
        """
        public IReadOnlyList<string> Contracts { get; } = ["ES", "NQ"];
        """,
        """
        public static IReadOnlyList<string> Contracts() => ["ES", "NQ"];
        """,
        """
        public static readonly string[] Contracts = ["ES", "NQ"];
        """,
        """
        public sealed class Contracts;
        """,
        // Its own description, under the generated member's name and type.
        """
        public static CpWebSocket.Documentation.ClientContracts? Contracts => null;
        """,
    };

    [Theory]
    [MemberData(nameof(Members))]
    public void The_generated_file_compiles_next_to_a_member_named_Contracts(string member)
    {
        var source = Client + member + "\n}\n";
        AnalyzerRun.VerifyNone(source);

        var generated = GeneratorRun.Of(source).Sources["App.PingClient.g.cs"];
        Assert.DoesNotContain("ClientContracts Contracts", generated, StringComparison.Ordinal);
        Assert.Contains("SendAsync(global::App.Ping message", generated, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_keeps_its_member_and_ClientContracts_says_why_it_has_no_contracts()
    {
        var run = GeneratorRun.Of(Client + """
            public IReadOnlyList<string> Contracts { get; } = ["ES", "NQ"];
            }
            """).AssertGeneratorSucceeded().AssertCompiles();
        using var loaded = run.Load();
        var type = loaded.GetType("App.PingClient");

        await using (var client = (CpWebSocket.Messaging.MessageClient)Activator.CreateInstance(type, new Uri("ws://127.0.0.1:9/"))!)
        {
            Assert.Equal(["ES", "NQ"], (IReadOnlyList<string>)type.GetProperty("Contracts")!.GetValue(client)!);
        }

        Assert.False(ClientContracts.TryOf(type, out _));
        var error = Assert.Throws<ArgumentException>(() => ClientContracts.Of(type));
        Assert.Contains("App.PingClient is a [WebSocketClient] without a generated static Contracts property", error.Message, StringComparison.Ordinal);
        Assert.Contains("declares a member named Contracts of its own", error.Message, StringComparison.Ordinal);
    }
}
