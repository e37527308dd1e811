using CpWebSocket.Tests.Server;
using Xunit.Abstractions;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>
/// Hostile input leaves nothing behind: the same corpus sent again and again over one connection (with a 256 KiB
/// size limit, so that huge strings stay quick) neither grows the memory the process retains, nor what each round
/// allocates, once the first rounds have filled the pools.
/// </summary>
/// <remarks>
/// A leak is growth that persists: what a round leaves behind is still there after the next full collection, so the
/// lowest reading keeps rising from round to round. The test compares the lowest reading of the last rounds with the
/// lowest reading of the rounds just after the warm-up. Noise on a busy machine (a collection that finds garbage of
/// other tests, a pool trimmed, a burst of timers) moves single readings up or down; it does not lift every reading of
/// a stretch of rounds, and memory that shrinks is never taken for a leak.
/// </remarks>
[Collection(MemoryCollectionDefinition.Name)]
public sealed class CorpusMemoryTests(ITestOutputHelper output)
{
    private const int Rounds = 16;

    /// <summary>Rounds that fill the pools (array pools, receive buffers) before anything is compared.</summary>
    private const int WarmUpRounds = 4;

    /// <summary>Rounds whose lowest reading is compared: the first ones after the warm-up, and the last ones.</summary>
    private const int Window = 4;

    private const int MaxMessageSize = 256 * 1024;

    /// <summary>
    /// How much higher the lowest retained reading of the last rounds may be than that of the rounds after the warm-up.
    /// Eight rounds separate the two windows, so a leak of 512 KiB a round (a fraction of a percent of the corpus)
    /// exceeds it.
    /// </summary>
    private const long RetainedLeakBound = 4 * 1024 * 1024;

    /// <summary>How much more the last rounds may allocate, at least, than the rounds after the warm-up, as a ratio.</summary>
    private const double AllocationLeakRatio = 1.5;

    [Fact]
    public async Task Rounds_of_the_corpus_level_off_in_retained_memory_and_allocation()
    {
        await using var server = await TestServer.StartAsync();
        var corpus = HostileCorpus.Generate(CorpusShape.Flat, HostileCorpusTests.Seed, HostileCorpusTests.BadCount, MaxMessageSize);
        var (client, observer) = CorpusObserver.Create(CorpusShape.Flat, server.WsUri("/relay"), new HttpWebSocketOptions { MaxMessageSize = MaxMessageSize });
        await using var _ = client;
        await client.OpenAsync();

        var retained = new long[Rounds];
        var allocated = new long[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            observer.Expect(corpus.Entries);
            foreach (var entry in corpus.Entries)
            {
                await client.SendAsync(entry.ToRelayInstruction());
            }

            await observer.Completed.WaitAsync(TestServer.DefaultTimeout);
            Assert.True(observer.MismatchCount == 0, string.Join(Environment.NewLine, observer.Mismatches));
            allocated[round] = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            retained[round] = RetainedBytes();
            output.WriteLine($"round {round + 1}: {corpus.Entries.Count} frames, {corpus.TotalBytes} bytes; allocated {allocated[round]} bytes; retained after it {retained[round]} bytes");
        }

        Assert.True(client.IsOpen);

        var retainedEarly = Lowest(retained, WarmUpRounds);
        var retainedLate = Lowest(retained, Rounds - Window);
        var retainedGrowth = retainedLate - retainedEarly;
        output.WriteLine($"lowest retained: {retainedEarly} bytes in rounds {WarmUpRounds + 1}-{WarmUpRounds + Window}, {retainedLate} in rounds {Rounds - Window + 1}-{Rounds}");
        Assert.True(
            retainedGrowth <= RetainedLeakBound,
            $"retained memory leaks: the lowest reading of rounds {Rounds - Window + 1}-{Rounds} is {retainedGrowth} bytes above that of rounds {WarmUpRounds + 1}-{WarmUpRounds + Window} (bound {RetainedLeakBound})");

        var allocatedEarly = Lowest(allocated, WarmUpRounds);
        var allocatedLate = Lowest(allocated, Rounds - Window);
        output.WriteLine($"lowest allocation: {allocatedEarly} bytes in rounds {WarmUpRounds + 1}-{WarmUpRounds + Window}, {allocatedLate} in rounds {Rounds - Window + 1}-{Rounds}");
        Assert.True(
            allocatedLate <= allocatedEarly * AllocationLeakRatio,
            $"allocation grows: rounds {Rounds - Window + 1}-{Rounds} allocated at least {allocatedLate} bytes each, rounds {WarmUpRounds + 1}-{WarmUpRounds + Window} as little as {allocatedEarly}");
    }

    /// <summary>The lowest of the <see cref="Window"/> readings from round <paramref name="from"/> (0-based) on.</summary>
    private static long Lowest(long[] readings, int from) => readings.Skip(from).Take(Window).Min();

    private static long RetainedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
