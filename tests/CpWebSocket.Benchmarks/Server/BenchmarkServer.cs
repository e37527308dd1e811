using CpWebSocket.Benchmarks.Contenders;

namespace CpWebSocket.Benchmarks.Server;

/// <summary>
/// Finds the run's server. The process that starts BenchmarkDotNet hosts it and names it in
/// <see cref="EchoContenders.ServerVariable"/>, which the benchmark processes inherit; a process started without
/// it (a benchmark run in-process, or a debugger) starts its own.
/// </summary>
public static class BenchmarkServer
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static EchoServer? s_local;

    public static async Task<Uri> GetUrlAsync()
    {
        if (Environment.GetEnvironmentVariable(EchoContenders.ServerVariable) is { Length: > 0 } url)
        {
            return new Uri(url);
        }

        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            s_local ??= await EchoServer.StartAsync().ConfigureAwait(false);
            return s_local.BaseUrl;
        }
        finally
        {
            Gate.Release();
        }
    }
}
