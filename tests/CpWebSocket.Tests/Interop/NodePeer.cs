using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace CpWebSocket.Tests.Interop;

/// <summary>
/// A websocket server on Node's <c>ws</c> package (<c>tests/NodePeer/server.js</c>) in a child process: a second
/// real peer next to Kestrel, so the client is checked against an implementation it shares no code with.
/// </summary>
/// <remarks>
/// The server exits when its stdin closes, so it never outlives the test process, even when that one crashes.
/// Its endpoints are described at the top of <c>server.js</c>.
/// </remarks>
public sealed class NodePeer : IAsyncDisposable
{
    /// <summary>How long Node may take to start and print its port; generous for a cold, loaded machine.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private const string ListeningPrefix = "LISTENING ";
    private const string InstallHint =
        "Install Node.js 18 or later (https://nodejs.org) so that `node` and `npm` are on PATH, then build the test project "
        + "(it runs `npm ci` in tests/NodePeer) or run `npm ci` in tests/NodePeer yourself.";

    private readonly Process _process;
    private readonly StringBuilder _stderr;
    private readonly Uri _baseUri;

    private NodePeer(Process process, StringBuilder stderr, int port)
    {
        _process = process;
        _stderr = stderr;
        Port = port;
        _baseUri = new Uri($"ws://127.0.0.1:{port}/");
    }

    /// <summary>The port the server listens on, on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>What the server wrote to stderr so far (its per-connection errors).</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>The <c>ws://</c> address of <paramref name="pathAndQuery"/> on the server.</summary>
    /// <param name="pathAndQuery">For example <c>/close?code=4001&amp;reason=bye</c>.</param>
    public Uri WsUri(string pathAndQuery) => new(_baseUri, pathAndQuery);

    /// <summary>Starts <c>node server.js</c> and waits for the port it listens on.</summary>
    /// <exception cref="InvalidOperationException">Node is missing, <c>ws</c> is not installed, or the server did not start; the message says what to do.</exception>
    public static async Task<NodePeer> StartAsync()
    {
        var script = FindServerScript();
        var folder = Path.GetDirectoryName(script)!;
        if (!File.Exists(Path.Combine(folder, "node_modules", "ws", "package.json")))
        {
            throw new InvalidOperationException($"The Node package `ws` is not installed in {folder}. {InstallHint}");
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = folder,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(script);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"`node {script}` did not start. {InstallHint}");
        }
        catch (Win32Exception ex)
        {
            throw new InvalidOperationException($"Could not run `node`: {ex.Message}. {InstallHint}", ex);
        }

        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (stderr)
                {
                    stderr.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();

        try
        {
            var port = await ReadPortAsync(process, stderr);
            return new NodePeer(process, stderr, port);
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Kills the server process at once (SIGKILL on Unix), without any chance to close its connections: the operating
    /// system ends them, as when a server crashes.
    /// </summary>
    /// <returns>A task that completes once the process has exited.</returns>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the server: closing stdin lets it exit by itself; it is killed if it has not within a few seconds.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is TimeoutException or IOException or InvalidOperationException)
        {
            Stop(_process);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static async Task<int> ReadPortAsync(Process process, StringBuilder stderr)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                if (line.StartsWith(ListeningPrefix, StringComparison.Ordinal)
                    && int.TryParse(line.AsSpan(ListeningPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                {
                    return port;
                }
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            throw new InvalidOperationException($"The Node server printed no `{ListeningPrefix}<port>` line within {StartTimeout}. stderr: {Snapshot(stderr)}");
        }

        // stdout ended: the process exited before listening. Let stderr drain so the message says why.
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(5));
        throw new InvalidOperationException(
            $"The Node server exited (code {process.ExitCode}) before listening. stderr: {Snapshot(stderr)} {InstallHint}");
    }

    private static void Stop(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    private static string Snapshot(StringBuilder stderr)
    {
        lock (stderr)
        {
            return stderr.Length == 0 ? "(empty)" : stderr.ToString().Trim();
        }
    }

    /// <summary>
    /// Finds <c>tests/NodePeer/server.js</c> above the test assembly (the repository the tests were built from),
    /// falling back to this source file's location when the assembly was copied elsewhere.
    /// </summary>
    private static string FindServerScript([CallerFilePath] string sourceFile = "")
    {
        var relative = Path.Combine("tests", "NodePeer", "server.js");
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        // This file is tests/CpWebSocket.Tests/Interop/NodePeer.cs.
        var fromSource = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", "..", "..", "NodePeer", "server.js"));
        return File.Exists(fromSource)
            ? fromSource
            : throw new InvalidOperationException(
                $"Could not find {relative} above {AppContext.BaseDirectory} nor at {fromSource}; run the tests from a clone of the repository.");
    }
}
