using CpWebSocket.AsyncApi.Tool;
using CpWebSocket.Documentation;

var arguments = ToolArguments.Parse(args, out var problem);
if (arguments is null)
{
    var output = problem is null ? Console.Out : Console.Error;
    if (problem is not null)
    {
        await output.WriteLineAsync(problem);
    }

    await output.WriteLineAsync(ToolArguments.Usage);
    return problem is null ? 0 : 2;
}

if (!File.Exists(arguments.AssemblyPath))
{
    await Console.Error.WriteLineAsync($"{arguments.AssemblyPath} does not exist; build the project first.");
    return 2;
}

var clients = ClientAssembly.Load(arguments.AssemblyPath)
    .Where(client => arguments.Clients.Count == 0
        || arguments.Clients.Contains(client.ClientType.Name, StringComparer.Ordinal)
        || arguments.Clients.Contains(client.ClientType.FullName ?? string.Empty, StringComparer.Ordinal))
    .ToArray();
if (clients.Length == 0)
{
    await Console.Error.WriteLineAsync($"{arguments.AssemblyPath} has no generated websocket client{(arguments.Clients.Count > 0 ? " of those names" : string.Empty)}.");
    return 1;
}

foreach (var client in clients)
{
    // Two clients of one name in different namespaces are told apart by their full names.
    var name = clients.Count(other => other.ClientType.Name == client.ClientType.Name) > 1
        ? (client.ClientType.FullName ?? client.ClientType.Name).Replace('+', '.')
        : client.ClientType.Name;
    var path = Path.Combine(arguments.Output, $"{name}.asyncapi.{arguments.Extension}");
    await AsyncApiDocument.Create(client, arguments.Options).SaveAsync(path);
    await Console.Out.WriteLineAsync(path);
}

return 0;
