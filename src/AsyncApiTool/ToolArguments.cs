using CpWebSocket.Documentation;

namespace CpWebSocket.AsyncApi.Tool;

/// <summary>What the command was asked to do.</summary>
internal sealed class ToolArguments
{
    public const string Usage = """
        Usage: cpws-asyncapi <assembly.dll> [options]

        Writes <Client>.asyncapi.json (or .yaml) for every generated websocket client in the built assembly.

        Options:
          --output <folder>       where to write the documents (default: the current folder)
          --format json|yaml      the documents' format (default: json)
          --client <name>         only the client with this class name (or full name); repeatable
          --api-version <text>    info.version of the documents (default: 1.0.0)
          --server <ws-url>       the server the clients connect to, written as the documents' server
          --help                  this text
        """;

    public required string AssemblyPath { get; init; }

    public string Output { get; init; } = ".";

    public string Extension { get; init; } = "json";

    public IReadOnlyList<string> Clients { get; init; } = [];

    public AsyncApiOptions Options { get; init; } = new();

    /// <summary>Reads the arguments; <see langword="null"/> with <paramref name="problem"/> set when they do not make sense.</summary>
    public static ToolArguments? Parse(IReadOnlyList<string> args, out string? problem)
    {
        problem = null;
        string? assembly = null;
        var output = ".";
        var extension = "json";
        var clients = new List<string>();
        var version = "1.0.0";
        Uri? server = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return null;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (assembly is not null)
                {
                    problem = $"Only one assembly is read at a time; '{assembly}' and '{arg}' were given.";
                    return null;
                }

                assembly = arg;
                continue;
            }

            if (i + 1 >= args.Count)
            {
                problem = $"{arg} needs a value.";
                return null;
            }

            var value = args[++i];
            switch (arg)
            {
                case "--output":
                    output = value;
                    break;
                case "--format" when value is "json" or "yaml":
                    extension = value;
                    break;
                case "--format":
                    problem = $"--format is json or yaml, not '{value}'.";
                    return null;
                case "--client":
                    clients.Add(value);
                    break;
                case "--api-version":
                    version = value;
                    break;
                case "--server" when Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "ws" or "wss":
                    server = url;
                    break;
                case "--server":
                    problem = $"--server is a ws:// or wss:// address, not '{value}'.";
                    return null;
                default:
                    problem = $"Unknown option {arg}.";
                    return null;
            }
        }

        if (assembly is null)
        {
            problem = "Name the built assembly (.dll) whose clients to describe.";
            return null;
        }

        return new ToolArguments
        {
            AssemblyPath = assembly,
            Output = output,
            Extension = extension,
            Clients = clients,
            Options = new AsyncApiOptions { Version = version, Server = server },
        };
    }
}
