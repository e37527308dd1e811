using System.Diagnostics;
using System.Text.RegularExpressions;
using CpWebSocket.Generators.Tests.Infrastructure;
using Xunit;

namespace CpWebSocket.Generators.Tests.Builds;

/// <summary>
/// A real build by the .NET SDK of a library marked <c>IsAotCompatible</c>, with the SDK's own trim and AOT analyzers:
/// a client serialized by reflection is reported once, as CPWS0038 at its <c>[WebSocketClient]</c>, and its generated file
/// adds no IL2026/IL3050 that would advise what its user cannot do.
/// </summary>
public sealed partial class TrimmedBuildTests
{
    /// <summary>A whole restore and build on a loaded two-core machine, with room to spare.</summary>
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task An_aot_compatible_library_gets_CPWS0038_at_the_client_and_no_trim_warning_from_the_generated_file()
    {
        using var project = new TemporaryProject();
        project.Write("PingClient.cs", """
            using CpWebSocket;

            namespace App;

            [Message("ping")] public sealed record Ping(string Text);

            [WebSocketClient]
            [Sends(typeof(Ping))]
            public sealed partial class PingClient;
            """);

        // Reflection the user wrote: the SDK's analyzers are on, and report it where it is written.
        project.Write("Loader.cs", """
            namespace App;

            public static class Loader
            {
                public static Ping? Load(string json) => System.Text.Json.JsonSerializer.Deserialize<Ping>(json);
            }
            """);

        var build = await project.BuildAsync();

        Assert.NotEqual(0, build.ExitCode);
        var diagnostics = DiagnosticLine().Matches(build.Output).Select(m => (File: Path.GetFileName(m.Groups["file"].Value), Position: m.Groups["position"].Value, Id: m.Groups["id"].Value)).Distinct().ToList();
        Assert.Contains(("PingClient.cs", "7,2", "CPWS0038"), diagnostics);
        Assert.Contains(diagnostics, d => d is { File: "Loader.cs", Id: "IL2026" or "IL3050" });
        Assert.DoesNotContain(diagnostics, d => d.File.EndsWith(".g.cs", StringComparison.Ordinal));
        Assert.Equal(["CPWS0038", "IL2026", "IL3050"], diagnostics.Select(d => d.Id).Distinct().Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^(?<file>[^\s(][^(]*)\((?<position>\d+,\d+)\): (?:warning|error) (?<id>[A-Z]+\d+):", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    /// <summary>A library project in a temporary folder, referencing the CpWebSocket build under test; deleted when disposed.</summary>
    private sealed class TemporaryProject : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("cpws-trimmed-").FullName;

        public TemporaryProject()
        {
            // The runtime and its dependencies as this test run has them (the assemblies it references that were copied
            // beside it: its package dependencies), and the generator as an analyzer.
            var references = new[] { TestCompilation.RuntimeAssemblyPath }
                .Concat(typeof(HttpWebSocket).Assembly.GetReferencedAssemblies()
                    .Select(name => Path.Combine(AppContext.BaseDirectory, name.Name + ".dll"))
                    .Where(File.Exists))
                .Select(path => $"""    <Reference Include="{path}" />""");
            Write("Library.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <IsAotCompatible>true</IsAotCompatible>
                    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                    <GenerateDocumentationFile>false</GenerateDocumentationFile>
                  </PropertyGroup>
                  <ItemGroup>
                {string.Join("\n", references)}
                    <Analyzer Include="{typeof(WebSocketClientGenerator).Assembly.Location}" />
                  </ItemGroup>
                </Project>
                """);
        }

        public void Write(string name, string text) => File.WriteAllText(Path.Combine(_directory, name), text);

        /// <summary>Restores and builds the project with the SDK on the path, without build servers that would outlive it.</summary>
        public async Task<(int ExitCode, string Output)> BuildAsync()
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = _directory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "build", "Library.csproj", "-c", "Release", "-nologo", "--disable-build-servers",
                "-p:ImportDirectoryBuildProps=false", "-p:ImportDirectoryBuildTargets=false", "-p:ImportDirectoryPackagesProps=false",
            })
            {
                start.ArgumentList.Add(argument);
            }

            // This run's own MSBuild settings would steer the nested build.
            foreach (var variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly" })
            {
                start.Environment.Remove(variable);
            }

            using var process = Process.Start(start)!;
            var standardOutput = process.StandardOutput.ReadToEndAsync();
            var standardError = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(s_buildTimeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet build did not finish within {s_buildTimeout}.");
            }

            return (process.ExitCode, await standardOutput + await standardError);
        }

        public void Dispose() => Directory.Delete(_directory, recursive: true);
    }
}
