using System.Diagnostics;
using System.Globalization;
using System.Text;
using CpWebSocket.Generators.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace CpWebSocket.Generators.Tests;

/// <summary>
/// The generator over a large client. Nothing here asserts on time: the figure goes to the test output,
/// and benchmarks own performance claims.
/// </summary>
public sealed class ScaleTests(ITestOutputHelper output)
{
    private const int ContractCount = 200;

    [Fact]
    public void Two_hundred_contracts_generate_every_member_and_compile()
    {
        var source = new StringBuilder("using CpWebSocket;\n\nnamespace Big;\n\n");
        for (var i = 0; i < ContractCount; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"[Message(\"message.{i}\")] public sealed record Message{i}(int Id, string Text);\n");
        }

        source.Append("\n[WebSocketClient]\n");
        for (var i = 0; i < ContractCount; i++)
        {
            source.Append(CultureInfo.InvariantCulture, $"[{(i % 2 == 0 ? "Sends" : "Receives")}(typeof(Message{i}))]\n");
        }

        source.Append("public sealed partial class BigClient;\n");
        var compilation = TestCompilation.Create(source.ToString());

        var cold = Stopwatch.StartNew();
        var run = GeneratorRun.Of(compilation).AssertGeneratorSucceeded();
        cold.Stop();

        var warm = Stopwatch.StartNew();
        var second = GeneratorRun.Continue(run.Driver, compilation.Clone());
        warm.Stop();

        var generated = run.Sources["Big.BigClient.g.cs"];
        Assert.Equal(ContractCount / 2, CountOf(generated, "public global::System.Threading.Tasks.ValueTask SendAsync("));
        Assert.Equal(ContractCount / 2, CountOf(generated, "public event global::System.Action<"));
        Assert.Equal(ContractCount / 2, CountOf(generated, "__Protocol.Inbound<"));
        Assert.Contains("SendAsync(global::Big.Message198 message", generated, StringComparison.Ordinal);
        Assert.Contains("Message199Received", generated, StringComparison.Ordinal);
        Assert.Equal(generated, second.Sources["Big.BigClient.g.cs"]);
        run.AssertCompiles();

        output.WriteLine(
            $"{ContractCount} contracts: first run {cold.Elapsed.TotalMilliseconds:F1} ms, cached run {warm.Elapsed.TotalMilliseconds:F1} ms, {generated.Length} chars generated.");
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
