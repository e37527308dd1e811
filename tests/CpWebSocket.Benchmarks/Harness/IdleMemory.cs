using System.Globalization;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>What holding <paramref name="Count"/> idle connections of one kind added to the process's memory.</summary>
/// <param name="Kind">The kind of connection.</param>
/// <param name="Count">How many were open at once.</param>
/// <param name="Added">The memory with them open, less the memory before they were opened.</param>
public sealed record IdleMemory(IdleConnectionKind Kind, int Count, MemorySnapshot Added)
{
    private const string LinePrefix = "idle-memory-result";

    public double ManagedPerConnection => (double)Added.Managed / Count;

    public double WorkingSetPerConnection => (double)Added.WorkingSet / Count;

    public double PrivatePerConnection => (double)Added.Private / Count;

    /// <summary>The one line a measuring process writes for the process that started it.</summary>
    public string ToLine() => string.Create(
        CultureInfo.InvariantCulture,
        $"{LinePrefix} {Kind} {Count} {Added.Managed} {Added.WorkingSet} {Added.Private}");

    /// <summary>Reads a line written by <see cref="ToLine"/>; false for any other line.</summary>
    public static bool TryParse(string line, out IdleMemory? result)
    {
        result = null;
        var parts = line.Split(' ');
        if (parts is not [LinePrefix, var kind, var count, var managed, var workingSet, var privateBytes])
        {
            return false;
        }

        result = new IdleMemory(
            Enum.Parse<IdleConnectionKind>(kind),
            int.Parse(count, CultureInfo.InvariantCulture),
            new MemorySnapshot(
                long.Parse(managed, CultureInfo.InvariantCulture),
                long.Parse(workingSet, CultureInfo.InvariantCulture),
                long.Parse(privateBytes, CultureInfo.InvariantCulture)));
        return true;
    }
}
