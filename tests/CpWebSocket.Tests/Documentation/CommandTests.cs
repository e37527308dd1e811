using System.Diagnostics;
using System.Text.Json.Nodes;
using CpWebSocket.Documentation;
using CpWebSocket.Tests.AsyncApi;

namespace CpWebSocket.Tests.Documentation;

/// <summary>
/// The <c>cpws-asyncapi</c> command (<c>src/AsyncApiTool</c>) run on built assemblies: the samples' and this test
/// assembly. It runs on .NET 10, so its documents have payload schemas whatever the app targets.
/// </summary>
public sealed class CommandTests
{
    [Fact]
    public async Task The_command_writes_documents_the_parser_accepts_for_every_client_of_the_samples()
    {
        using var output = new TemporaryFolder();
        var checks = new List<DocumentCheck>();
        foreach (var (sample, assembly) in new[] { ("Chat", "CpWebSocket.Samples.Chat"), ("AotChat", "CpWebSocket.Samples.AotChat"), ("Worker", "CpWebSocket.Samples.Worker") })
        {
            var folder = Path.Combine(output.Path, sample);
            var (exitCode, stdout, stderr) = await RunAsync(SampleAssembly(sample, assembly), "--output", folder);
            Assert.True(exitCode == 0, stderr);
            var yaml = await RunAsync(SampleAssembly(sample, assembly), "--output", folder, "--format", "yaml");
            Assert.True(yaml.ExitCode == 0, yaml.Stderr);
            Assert.NotEmpty(stdout);
            checks.AddRange(Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal).Select(file => new DocumentCheck($"{sample}/{Path.GetFileName(file)}", File.ReadAllText(file))));
        }

        var verdicts = await AsyncApiValidator.CheckAsync(checks);

        Assert.Equal(
            ["AotChat/ChatClient.asyncapi.json", "AotChat/ChatClient.asyncapi.yaml", "Chat/ChatClient.asyncapi.json", "Chat/ChatClient.asyncapi.yaml", "Worker/TickerClient.asyncapi.json", "Worker/TickerClient.asyncapi.yaml"],
            verdicts.Select(verdict => verdict.Name).Order(StringComparer.Ordinal));
        Assert.All(verdicts, verdict => Assert.True(verdict.Errors.Count == 0, verdict.Name + ": " + string.Join("; ", verdict.Errors)));

        // The AOT sample serializes with a JsonSerializerContext, the other by reflection: the same contracts, the same document.
        Assert.Equal(
            File.ReadAllText(Path.Combine(output.Path, "Chat", "ChatClient.asyncapi.json")),
            File.ReadAllText(Path.Combine(output.Path, "AotChat", "ChatClient.asyncapi.json")));
    }

    [Fact]
    public async Task The_command_writes_one_document_per_client_of_an_assembly_with_payload_schemas()
    {
        using var output = new TemporaryFolder();

        var (exitCode, stdout, stderr) = await RunAsync(typeof(CommandTests).Assembly.Location, "--output", output.Path, "--server", "wss://chat.example.com/ws", "--api-version", "2.0.0");

        Assert.True(exitCode == 0, stderr);
        var files = Directory.GetFiles(output.Path);
        Assert.Equal(DocumentedClients.All.Count, files.Length);
        Assert.Equal(files.Order(StringComparer.Ordinal), stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));

        var chat = JsonNode.Parse(File.ReadAllText(Path.Combine(output.Path, "ChatClient.asyncapi.json")))!;
        Assert.Equal("2.0.0", chat["info"]!["version"]!.GetValue<string>());
        Assert.Equal("chat.example.com", chat["servers"]!["server"]!["host"]!.GetValue<string>());
        Assert.Equal("/ws", chat["channels"]!["connection"]!["address"]!.GetValue<string>());
        Assert.Equal(["room", "text"], chat["components"]!["schemas"]!["Say"]!["required"]!.AsArray().Select(name => name!.GetValue<string>()));
#if NET9_0_OR_GREATER
        var inProcess = AsyncApiDocument.Create(Readme.ChatClient.Contracts, new AsyncApiOptions { Version = "2.0.0", Server = new Uri("wss://chat.example.com/ws") });
        Assert.Equal(inProcess.ToJson(), File.ReadAllText(Path.Combine(output.Path, "ChatClient.asyncapi.json")));
#endif
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--server", "http://example.com")]
    [InlineData("--unknown", "1")]
    public async Task A_wrong_option_fails_with_a_message_that_names_it(string option, string value)
    {
        var (exitCode, _, stderr) = await RunAsync(typeof(CommandTests).Assembly.Location, option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(option, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assembly_without_clients_fails_and_says_so()
    {
        var (exitCode, _, stderr) = await RunAsync(typeof(AsyncApiDocument).Assembly.Location);

        Assert.Equal(1, exitCode);
        Assert.Contains("has no generated websocket client", stderr, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Built("src/AsyncApiTool", "cpws-asyncapi.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout, await stderr);
    }

    private static string SampleAssembly(string sample, string assembly) => Built("samples/" + sample, assembly + ".dll");

    /// <summary>A .NET 10 project's output in the repository the tests were built from, in the tests' configuration.</summary>
    private static string Built(string project, string file)
    {
        var segments = AppContext.BaseDirectory.Split(Path.DirectorySeparatorChar);
        var bin = Array.LastIndexOf(segments, "bin");
        var configuration = segments[bin + 1];
        var root = string.Join(Path.DirectorySeparatorChar, segments[..bin]);
        var path = Path.GetFullPath(Path.Combine(root, "..", "..", project, "bin", configuration, "net10.0", file));
        Assert.True(File.Exists(path), $"{path} is missing; build the solution ({project} is built before this test project).");
        return path;
    }

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("cpws-asyncapi-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
