using System.Diagnostics;

namespace CpWebSocket.Benchmarks.Harness;

/// <summary>The process's memory at one moment, taken after a full, compacting collection.</summary>
/// <param name="Managed">Bytes in the managed heap (<see cref="GC.GetTotalMemory(bool)"/> after a full collection).</param>
/// <param name="WorkingSet">The process's resident memory (<see cref="Process.WorkingSet64"/>).</param>
/// <param name="Private">The process's private memory (<see cref="Process.PrivateMemorySize64"/>).</param>
public readonly record struct MemorySnapshot(long Managed, long WorkingSet, long Private)
{
    public static MemorySnapshot Take()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return new MemorySnapshot(managed, process.WorkingSet64, process.PrivateMemorySize64);
    }

    public static MemorySnapshot operator -(MemorySnapshot after, MemorySnapshot before) =>
        new(after.Managed - before.Managed, after.WorkingSet - before.WorkingSet, after.Private - before.Private);
}
