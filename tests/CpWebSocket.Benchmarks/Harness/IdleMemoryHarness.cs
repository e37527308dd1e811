using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using CpWebSocket.Benchmarks.Server;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>
/// Memory per idle connection: opens N connections of each kind to the echo endpoint (bare <see cref="System.Net.WebSockets.ClientWebSocket"/>s,
/// <see cref="HttpWebSocket"/>s, generated typed clients), holds them open and idle, and reports what they added to
/// the managed heap and to the process's working set and private memory, per connection.
/// </summary>
/// <remarks>
/// The server stays in the process that was started; each kind is measured in a child process of its own, so neither
/// the server's memory nor what an earlier kind left behind is counted. In each child, a few connections of the kind
/// are opened and closed first (code, pools and caches warmed), then the memory is taken after a full compacting
/// collection, the N connections are opened, left idle for a moment, and the memory is taken again the same way.
/// </remarks>
public static class IdleMemoryHarness
{
    public const string ParentFlag = "--memory";
    public const string ClientFlag = "--memory-client";
    public const int DefaultCount = 1_000;

    private const int WarmupCount = 20;

    public static readonly IdleConnectionKind[] Kinds = [IdleConnectionKind.ClientWebSocket, IdleConnectionKind.HttpWebSocket, IdleConnectionKind.TypedClient];

    /// <summary>How long the connections are left idle before the memory is taken.</summary>
    public static readonly TimeSpan DefaultSettle = TimeSpan.FromSeconds(2);

    /// <summary>Measures every kind in a child process of its own against <paramref name="server"/>, which this process hosts.</summary>
    /// <param name="server">The echo server's base address.</param>
    /// <param name="args"><c>--count N</c>, or nothing for <see cref="DefaultCount"/>.</param>
    public static async Task<int> RunAsync(Uri server, string[] args)
    {
        var count = ParseCount(args);
        var results = new List<IdleMemory>();
        foreach (var kind in Kinds)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false, RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            {
                start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
            }

            start.ArgumentList.Add(ClientFlag);
            start.ArgumentList.Add(server.ToString());
            start.ArgumentList.Add(kind.ToString());
            start.ArgumentList.Add(count.ToString(CultureInfo.InvariantCulture));

            using var child = Process.Start(start)!;
            IdleMemory? result = null;
            while (await child.StandardOutput.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (IdleMemory.TryParse(line, out var parsed))
                {
                    result = parsed;
                }
                else
                {
                    Console.WriteLine(line);
                }
            }

            await child.WaitForExitAsync().ConfigureAwait(false);
            if (child.ExitCode != 0 || result is null)
            {
                await Console.Error.WriteLineAsync($"memory: the {kind} process failed (exit code {child.ExitCode}).").ConfigureAwait(false);
                return 1;
            }

            results.Add(result);
        }

        WriteTable(results, "client processes only; the server runs in the parent process", Console.Out);
        return 0;
    }

    /// <summary>The child process: <c>SERVER KIND COUNT</c>; writes one <see cref="IdleMemory"/> line.</summary>
    public static async Task<int> RunClientAsync(string[] args)
    {
        var server = new Uri(args[0]);
        var kind = Enum.Parse<IdleConnectionKind>(args[1]);
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        var result = await MeasureAsync(kind, server, count, DefaultSettle).ConfigureAwait(false);
        Console.WriteLine(result.ToLine());
        return 0;
    }

    /// <summary>Measures every kind in this process, one after the other (for the smoke run: it proves the paths, its numbers include the server).</summary>
    public static async Task MeasureInProcessAsync(Uri server, int count, TimeSpan settle, TextWriter output)
    {
        var results = new List<IdleMemory>();
        foreach (var kind in Kinds)
        {
            results.Add(await MeasureAsync(kind, server, count, settle).ConfigureAwait(false));
        }

        WriteTable(results, "in one process with the server, whose side of each connection is counted too", output);
    }

    /// <summary>Opens <paramref name="count"/> idle connections of <paramref name="kind"/>, measures what they add, closes them.</summary>
    /// <exception cref="InvalidOperationException">Not every connection was open when measured, or one did not close normally.</exception>
    public static async Task<IdleMemory> MeasureAsync(IdleConnectionKind kind, Uri server, int count, TimeSpan settle)
    {
        var echo = new Uri(server, EchoServer.EchoPath);
        var warmup = await IdleConnectionSet.OpenAsync(kind, echo, Math.Min(WarmupCount, count)).ConfigureAwait(false);
        await warmup.CloseAsync().ConfigureAwait(false);
        await Task.Delay(settle).ConfigureAwait(false);

        var before = MemorySnapshot.Take();
        var connections = await IdleConnectionSet.OpenAsync(kind, echo, count).ConfigureAwait(false);
        await Task.Delay(settle).ConfigureAwait(false);
        var after = MemorySnapshot.Take();

        var open = connections.CountOpen();
        if (open != count)
        {
            throw new InvalidOperationException($"Only {open} of {count} {kind} connections were open when measured.");
        }

        await connections.CloseAsync().ConfigureAwait(false);
        return new IdleMemory(kind, count, after - before);
    }

    private static int ParseCount(string[] args) => args switch
    {
        [] => DefaultCount,
        ["--count", var value] when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) && count > 0 => count,
        _ => throw new ArgumentException($"Unknown options '{string.Join(' ', args)}'; use --count N (N > 0)."),
    };

    private static void WriteTable(IReadOnlyList<IdleMemory> results, string where, TextWriter output)
    {
        var bare = results.Single(result => result.Kind == IdleConnectionKind.ClientWebSocket);
        output.WriteLine();
        output.WriteLine($"Idle connections, {bare.Count} of each kind open at once to the echo endpoint; memory they added, per connection ({where}). Private is Process.PrivateMemorySize64 (VmData on Linux).");
        output.WriteLine();
        output.WriteLine("| Connection | Count | Managed B / connection | Working set B / connection | Private B / connection | Managed / ClientWebSocket | Working set / ClientWebSocket |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var result in results)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {result.Kind} | {result.Count:N0} | {result.ManagedPerConnection:N0} | {result.WorkingSetPerConnection:N0} | {result.PrivatePerConnection:N0} | {result.ManagedPerConnection / bare.ManagedPerConnection:F2} | {result.WorkingSetPerConnection / bare.WorkingSetPerConnection:F2} |"));
        }
    }
}
