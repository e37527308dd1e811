using BenchmarkDotNet.Running;
using CpWebSocket.Benchmarks.Contenders;
using CpWebSocket.Benchmarks.Harness;
using CpWebSocket.Benchmarks.Server;

namespace CpWebSocket.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/CpWebSocket.Benchmarks -- ARGS</c>, where ARGS is:
/// <list type="bullet">
/// <item><c>--smoke</c>: every code path once on little work, in seconds, no timing asserted (for CI);</item>
/// <item><c>--latency [--small N] [--large N] [--rounds N] [--warmup N]</c>: per-round-trip percentiles;</item>
/// <item><c>--requests</c>, with the same options: per-request percentiles of awaited requests;</item>
/// <item><c>--memory [--count N]</c>: memory per idle connection, N (default 1,000) of each kind;</item>
/// <item><c>--refusal</c>: what refusing an oversized message allocates, the first time and after;</item>
/// <item><c>--wire</c>: bytes on the wire with and without permessage-deflate;</item>
/// <item><c>--push-profile KIND SECONDS</c>: one server-push contender running in a process of its own, for a profiler;</item>
/// <item><c>--all</c>: both latency harnesses, then every BenchmarkDotNet benchmark (what docs/benchmarks.md reports);</item>
/// <item>anything else goes to BenchmarkDotNet, e.g. <c>--filter '*'</c> or <c>--filter '*Echo*'</c>.</item>
/// </list>
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [SmokeRun.Flag])
        {
            return await SmokeRun.RunAsync().ConfigureAwait(false);
        }

        if (args is [LatencyHarness.ParentFlag, .. var latency])
        {
            await using var server = await EchoServer.StartAsync().ConfigureAwait(false);
            return await LatencyHarness.RunAsync(server.BaseUrl, latency).ConfigureAwait(false);
        }

        if (args is [LatencyHarness.ClientFlag, .. var client])
        {
            return await LatencyHarness.RunClientAsync(client).ConfigureAwait(false);
        }

        if (args is [RequestLatencyHarness.ParentFlag, .. var requests])
        {
            await using var server = await EchoServer.StartAsync().ConfigureAwait(false);
            return await RequestLatencyHarness.RunAsync(server.BaseUrl, requests).ConfigureAwait(false);
        }

        if (args is [RequestLatencyHarness.ClientFlag, .. var requestClient])
        {
            return await RequestLatencyHarness.RunClientAsync(requestClient).ConfigureAwait(false);
        }

        if (args is [PushProfileHarness.ParentFlag, .. var profile])
        {
            await using var server = await EchoServer.StartAsync().ConfigureAwait(false);
            return await PushProfileHarness.RunAsync(server.BaseUrl, profile).ConfigureAwait(false);
        }

        if (args is [PushProfileHarness.ClientFlag, .. var profileClient])
        {
            return await PushProfileHarness.RunClientAsync(profileClient).ConfigureAwait(false);
        }

        if (args is [WireBytesHarness.Flag])
        {
            await using var server = await EchoServer.StartAsync().ConfigureAwait(false);
            return await WireBytesHarness.RunAsync(server.BaseUrl).ConfigureAwait(false);
        }

        if (args is [RefusalHarness.ParentFlag])
        {
            await using var server = await EchoServer.StartAsync().ConfigureAwait(false);
            return await RefusalHarness.RunAsync(server.BaseUrl).ConfigureAwait(false);
        }

        if (args is [RefusalHarness.ClientFlag, .. var refusalClient])
        {
            return await RefusalHarness.RunClientAsync(refusalClient).ConfigureAwait(false);
        }

        if (args is [IdleMemoryHarness.ParentFlag, .. var memory])
        {
            await using var server = await EchoServer.StartAsync().ConfigureAwait(false);
            return await IdleMemoryHarness.RunAsync(server.BaseUrl, memory).ConfigureAwait(false);
        }

        if (args is [IdleMemoryHarness.ClientFlag, .. var memoryClient])
        {
            return await IdleMemoryHarness.RunClientAsync(memoryClient).ConfigureAwait(false);
        }

        // One server for the whole run, in this process; the benchmark processes BenchmarkDotNet starts, and the
        // harnesses' client processes, are given its address.
        await using (var server = await EchoServer.StartAsync().ConfigureAwait(false))
        {
            if (args is ["--all"])
            {
                var measured = await LatencyHarness.RunAsync(server.BaseUrl, []).ConfigureAwait(false);
                if (measured == 0)
                {
                    Console.WriteLine();
                    measured = await RequestLatencyHarness.RunAsync(server.BaseUrl, []).ConfigureAwait(false);
                }

                return measured != 0 ? measured : RunBenchmarks(server.BaseUrl, ["--filter", "*"]);
            }

            return RunBenchmarks(server.BaseUrl, args);
        }
    }

    private static int RunBenchmarks(Uri server, string[] args)
    {
        Environment.SetEnvironmentVariable(EchoContenders.ServerVariable, server.ToString());
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return summaries.Any(summary => summary.HasCriticalValidationErrors || summary.Reports.Any(report => !report.Success)) ? 1 : 0;
    }
}
