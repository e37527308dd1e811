using System.Diagnostics;
using System.Globalization;
using CpWebSocket.Benchmarks.Contenders;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>
/// A profiling aid: one server-push contender takes pushed messages for a number of seconds in a client process of its
/// own (its process id printed first), so a sampling profiler can be pointed at it, for example
/// <c>DOTNET_PerfMapEnabled=1 perf record -g -- dotnet run ... -- --push-profile generated 10</c>. It prints the time
/// and the client process's CPU time per message: the server shares the machine, so the time depends on how the two
/// take turns on its cores, while the CPU time is the client's own cost.
/// </summary>
public static class PushProfileHarness
{
    public const string ParentFlag = "--push-profile";
    public const string ClientFlag = "--push-profile-client";

    public static Task<int> RunAsync(Uri server, string[] args) => ClientProcess.RunAsync(ClientFlag, server, args);

    /// <summary>The child: <c>SERVER KIND SECONDS</c>, KIND one of generated, raw, handwritten, handwritten-raw.</summary>
    public static async Task<int> RunClientAsync(string[] args)
    {
        var server = new Uri(args[0]);
        var kind = args.Length > 1 ? args[1] : "generated";
        var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
        await using var contender = kind switch
        {
            "raw" => await PushContenders.RawLaneAsync(server).ConfigureAwait(false),
            "handwritten" => await PushContenders.HandWrittenAsync(server, deserialize: true).ConfigureAwait(false),
            "handwritten-raw" => await PushContenders.HandWrittenAsync(server, deserialize: false).ConfigureAwait(false),
            _ => await PushContenders.GeneratedAsync(server).ConfigureAwait(false),
        };
        Console.WriteLine($"push profile: {kind} in process {Environment.ProcessId} for {seconds} s");
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long messages = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            contender.Sink.Expect(100_000);
            await contender.RequestAsync(100_000).ConfigureAwait(false);
            await contender.Sink.WaitAsync().ConfigureAwait(false);
            messages += 100_000;
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"push profile: {messages:N0} messages, {clock.Elapsed.TotalMilliseconds * 1_000_000 / messages:0} ns each, client CPU {cpu.TotalMilliseconds * 1_000_000 / messages:0} ns each"));
        return 0;
    }
}
