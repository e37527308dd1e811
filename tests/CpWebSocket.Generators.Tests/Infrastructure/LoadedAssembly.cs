using System.Reflection;
using System.Runtime.Loader;

namespace CpWebSocket.Generators.Tests.Infrastructure;

/// <summary>A test assembly loaded into its own collectible context; unloads it when disposed.</summary>
internal sealed class LoadedAssembly(AssemblyLoadContext context, Assembly assembly) : IDisposable
{
    /// <summary>The loaded assembly.</summary>
    public Assembly Assembly { get; } = assembly;

    /// <summary>The type named <paramref name="fullName"/> (reflection syntax, <c>+</c> for nesting).</summary>
    public Type GetType(string fullName)
        => Assembly.GetType(fullName, throwOnError: true)!;

    /// <inheritdoc/>
    public void Dispose() => context.Unload();
}
