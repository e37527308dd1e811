using System.Globalization;
using CpWebSocket.Benchmarks.Server;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>
/// What refusing an oversized message costs in allocations, the first time in a process and after: a client with the
/// default 4 MiB <see cref="HttpWebSocketOptions.MaxMessageSize"/> opens a connection to which the server sends a 5 MiB
/// message, in 16 KiB fragments or in one frame; the client refuses it (close 1009) and the connection ends. The bytes
/// the client process allocated are counted from before the open to after the <c>Closed</c> event, less what a plain open
/// and close allocates, so the figure is the refusal's own. The server runs in the parent process.
/// </summary>
public static class RefusalHarness
{
    public const string ParentFlag = "--refusal";
    public const string ClientFlag = "--refusal-client";

    private const long OversizedSize = 5L * 1024 * 1024;

    public static Task<int> RunAsync(Uri server) => ClientProcess.RunAsync(ClientFlag, server, []);

    public static async Task<int> RunClientAsync(string[] args)
    {
        var server = new Uri(args[0]);

        // Code loaded and compiled on a small limit, so what is counted below is the refusal, not the JIT.
        await MeasureAsync(new Uri(server, EchoServer.EchoPath), refused: false, limit: 64 * 1024).ConfigureAwait(false);
        await MeasureAsync(Oversized(server, 256 * 1024, 16 * 1024), refused: true, limit: 64 * 1024).ConfigureAwait(false);
        await MeasureAsync(Oversized(server, 256 * 1024, 0), refused: true, limit: 64 * 1024).ConfigureAwait(false);

        var limit = HttpWebSocketOptions.DefaultMaxMessageSize;
        var baseline = await MeasureAsync(new Uri(server, EchoServer.EchoPath), refused: false, limit).ConfigureAwait(false);
        var rows = new List<(string Case, long Bytes)>
        {
            ("plain open and close (the baseline)", baseline),
            ("first refusal, 16 KiB fragments", await MeasureAsync(Oversized(server, OversizedSize, 16 * 1024), refused: true, limit).ConfigureAwait(false) - baseline),
            ("next refusal, 16 KiB fragments", await MeasureAsync(Oversized(server, OversizedSize, 16 * 1024), refused: true, limit).ConfigureAwait(false) - baseline),
            ("first refusal, one 5 MiB frame", await MeasureAsync(Oversized(server, OversizedSize, 0), refused: true, limit).ConfigureAwait(false) - baseline),
            ("next refusal, one 5 MiB frame", await MeasureAsync(Oversized(server, OversizedSize, 0), refused: true, limit).ConfigureAwait(false) - baseline),
        };

        Console.WriteLine($"Refusing a 5 MiB message with MaxMessageSize = {limit:N0} bytes (limit + 64 KiB = {limit + (64 * 1024):N0}); client process allocations:");
        Console.WriteLine();
        Console.WriteLine("| Case | Bytes allocated | / MaxMessageSize |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var (name, bytes) in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {bytes:N0} | {(double)bytes / limit:0.00} |"));
        }

        return 0;
    }

    private static Uri Oversized(Uri server, long size, int fragment) =>
        new(server, $"{EchoServer.OversizedPath}?size={size}&fragment={fragment}");

    private static async Task<long> MeasureAsync(Uri url, bool refused, int limit)
    {
        var closed = new TaskCompletionSource<WebSocketCloseInfo>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new List<WebSocketErrorKind>();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var socket = new HttpWebSocket(url, options: new HttpWebSocketOptions { MaxMessageSize = limit, KeepAliveInterval = TimeSpan.Zero });
        socket.Error += error => errors.Add(error.Kind);
        socket.Closed += close => closed.TrySetResult(close);
        await socket.OpenAsync().ConfigureAwait(false);
        if (!refused)
        {
            socket.Close();
        }

        var close = await closed.Task.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        var after = GC.GetTotalAllocatedBytes(precise: true);
        await socket.DisposeAsync().ConfigureAwait(false);
        if (refused != errors.Contains(WebSocketErrorKind.MessageTooLarge) || (refused && close.Status != System.Net.WebSockets.WebSocketCloseStatus.MessageTooBig))
        {
            throw new InvalidOperationException($"{url}: expected {(refused ? "a refusal" : "a clean close")}, got errors [{string.Join(", ", errors)}] and {close}.");
        }

        return after - before;
    }
}
