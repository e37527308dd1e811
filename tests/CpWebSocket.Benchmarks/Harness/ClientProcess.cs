using System.Diagnostics;
using System.Reflection;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>Runs this program again as a child process, so a harness's clients do not share the server's process.</summary>
public static class ClientProcess
{
    /// <summary>Starts <c>CpWebSocket.Benchmarks <paramref name="flag"/> <paramref name="server"/> ARGS</c> and waits for its exit code.</summary>
    public static async Task<int> RunAsync(string flag, Uri server, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetExecutingAssembly().Location);
        }

        start.ArgumentList.Add(flag);
        start.ArgumentList.Add(server.ToString());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var child = Process.Start(start)!;
        await child.WaitForExitAsync().ConfigureAwait(false);
        return child.ExitCode;
    }
}
