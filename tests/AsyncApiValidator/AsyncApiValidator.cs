using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CpWebSocket.Tests.AsyncApi;

/// <summary>
/// Runs <c>tests/AsyncApiValidator/validate.js</c> in Node: the official AsyncAPI parser (<c>@asyncapi/parser</c>) on each
/// document, and Ajv on each message against its message's payload schema. One Node process checks a whole batch.
/// </summary>
public static class AsyncApiValidator
{
    private const string InstallHint =
        "Install Node.js 18 or later so that `node` and `npm` are on PATH, then build the test project "
        + "(it runs `npm ci` in tests/AsyncApiValidator) or run `npm ci` there yourself.";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Checks <paramref name="documents"/>; one verdict per document, in order.</summary>
    public static async Task<IReadOnlyList<DocumentVerdict>> CheckAsync(IReadOnlyList<DocumentCheck> documents)
    {
        var script = FindScript();
        var folder = Path.GetDirectoryName(script)!;
        if (!File.Exists(Path.Combine(folder, "node_modules", "@asyncapi", "parser", "package.json")))
        {
            throw new InvalidOperationException($"The AsyncAPI parser is not installed in {folder}. {InstallHint}");
        }

        var request = Path.Combine(Path.GetTempPath(), $"cpws-asyncapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(request, JsonSerializer.Serialize(new { documents }, Json));
        try
        {
            var start = new ProcessStartInfo("node")
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = Encoding.UTF8,
            };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(request);

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"`node {script}` did not start. {InstallHint}");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                throw new InvalidOperationException($"Could not run `node`: {ex.Message}. {InstallHint}", ex);
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                // The parser takes about a second a document on a loaded two-core machine: a limit that grows with the batch.
                var limit = TimeSpan.FromSeconds(60 + (5 * documents.Count));
                using var timeout = new CancellationTokenSource(limit);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException($"`node {script}` did not finish {documents.Count} documents within {limit.TotalSeconds:0} s.");
                }

                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"`node {script}` exited with {process.ExitCode}: {await errors}");
                }

                var result = JsonSerializer.Deserialize<Result>(await output, Json)
                    ?? throw new InvalidOperationException("The validator wrote no result.");
                return result.Documents;
            }
        }
        finally
        {
            File.Delete(request);
        }
    }

    /// <summary>Finds <c>tests/AsyncApiValidator/validate.js</c> above the test assembly (the repository the tests were built from).</summary>
    private static string FindScript()
    {
        var relative = Path.Combine("tests", "AsyncApiValidator", "validate.js");
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"Could not find {relative} above {AppContext.BaseDirectory}; run the tests from a clone of the repository.");
    }

    private sealed record Result(IReadOnlyList<DocumentVerdict> Documents);
}
