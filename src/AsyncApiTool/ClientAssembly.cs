using System.Reflection;
using System.Runtime.Loader;
using CpWebSocket.Documentation;

namespace CpWebSocket.AsyncApi.Tool;

/// <summary>
/// A built assembly loaded beside this tool, its dependencies resolved from its own <c>.deps.json</c> and the shared
/// frameworks it names (ASP.NET Core). Its clients bind to this tool's CpWebSocket, the .NET 10 build, whose documents
/// carry payload schemas whatever the app targets.
/// </summary>
internal static class ClientAssembly
{
    /// <summary>The generated clients of the assembly at <paramref name="path"/>, ordered by full name.</summary>
    public static IReadOnlyList<ClientContracts> Load(string path)
    {
        var full = Path.GetFullPath(path);
        var resolver = new AssemblyDependencyResolver(full);
        AssemblyLoadContext.Default.Resolving += (context, name) =>
            resolver.ResolveAssemblyToPath(name) is { } found ? context.LoadFromAssemblyPath(found)
            : FindInSharedFrameworks(name) is { } shared ? context.LoadFromAssemblyPath(shared)
            : null;

        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(full);
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            // Types that need an assembly nowhere to be found here cannot be clients of this tool's CpWebSocket anyway.
            types = ex.Types.OfType<Type>().ToArray();
        }

        return types
            .Select(type => ClientContracts.TryOf(type, out var contracts) ? contracts : null)
            .OfType<ClientContracts>()
            .OrderBy(contracts => contracts.ClientType.FullName, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>An assembly of a shared framework other than the one this tool runs on (such as Microsoft.AspNetCore.App), newest version first.</summary>
    private static string? FindInSharedFrameworks(AssemblyName name)
    {
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var shared = runtime is null ? null : Directory.GetParent(runtime)?.Parent;
        if (shared is null || !shared.Exists)
        {
            return null;
        }

        return shared.EnumerateDirectories()
            .SelectMany(framework => framework.EnumerateDirectories())
            .Where(version => Version.TryParse(version.Name.Split('-')[0], out var number) && number.Major <= Environment.Version.Major)
            .OrderByDescending(version => Version.Parse(version.Name.Split('-')[0]))
            .Select(version => Path.Combine(version.FullName, name.Name + ".dll"))
            .FirstOrDefault(File.Exists);
    }
}
