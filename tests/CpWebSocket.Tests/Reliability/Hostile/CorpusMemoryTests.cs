using CpWebSocket.Tests.Server;
using Xunit.Abstractions;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>
/// Hostile input leaves nothing behind: the same corpus sent again and again over one connection (with a 256 KiB
/// size limit, so that huge strings stay quick) neither grows the memory the process retains past what its pools
/// hold, nor what each round allocates.
/// </summary>
[Collection(MemoryCollectionDefinition.Name)]
public sealed class CorpusMemoryTests(ITestOutputHelper output)
{
    private const int Rounds = 16;

    private const int MaxMessageSize = 256 * 1024;

    /// <summary>How much the retained memory may grow from the first round to the last, as pools fill.</summary>
    private const long RetainedTolerance = 16 * 1024 * 1024;

    /// <summary>Noise allowed on top of a levelling off.</summary>
    private const long LevelTolerance = 2 * 1024 * 1024;

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

        // Pools (array pools, receive buffers) fill over the first rounds, then hold: growth that levels off, bounded
        // by a constant. A leak would grow with every round: as much in the second half as in the first.
        var growth = retained[^1] - retained[0];
        var firstHalf = retained[(Rounds / 2) - 1] - retained[0];
        var secondHalf = retained[^1] - retained[(Rounds / 2) - 1];
        output.WriteLine($"retained growth: {growth} bytes in all, {firstHalf} in the first half, {secondHalf} in the second");
        Assert.True(growth < RetainedTolerance, $"the retained memory grew by {growth} bytes over {Rounds} rounds of {corpus.TotalBytes} bytes");
        Assert.True(secondHalf < (firstHalf / 2) + LevelTolerance, $"the retained memory grew by {secondHalf} bytes in the second half, {firstHalf} in the first");
        var steadyAllocation = allocated.Skip(1).Min();
        Assert.True(allocated[^1] < steadyAllocation * 3 / 2, $"round {Rounds} allocated {allocated[^1]} bytes, against {steadyAllocation} in an earlier round");
    }

    private static long RetainedBytes()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
