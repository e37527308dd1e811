using CpWebSocket.Tests.Server;
using Xunit.Abstractions;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>
/// Ten thousand bad frames, interleaved with valid messages, sent by the real server to a generated client over a
/// real socket: every valid message is delivered in order, each bad text frame gets exactly one <c>Error</c> (or
/// <c>Unhandled</c>) saying what was wrong, binary frames stay on the raw lane, and the connection stays open.
/// </summary>
[Collection(ServerCollectionDefinition.Name)]
public sealed class HostileCorpusTests(TestServerFixture fixture, ITestOutputHelper output)
{
    /// <summary>The corpus seed: the same frames on every run.</summary>
    public const int Seed = 20260601;

    /// <summary>How many bad frames a corpus has.</summary>
    public const int BadCount = 10_000;

    [Theory]
    [InlineData("flat")]
    [InlineData("wrapped")]
    public async Task Every_valid_message_arrives_in_order_and_every_bad_frame_is_reported_once(string shapeName)
    {
        var shape = shapeName == "flat" ? CorpusShape.Flat : CorpusShape.Wrapped;
        var corpus = HostileCorpus.Generate(shape, Seed, BadCount);
        var (client, observer) = CorpusObserver.Create(shape, fixture.Server.WsUri("/relay"));
        await using var _ = client;
        observer.Expect(corpus.Entries);
        await client.OpenAsync();

        foreach (var entry in corpus.Entries)
        {
            await client.SendAsync(entry.ToRelayInstruction());
        }

        await observer.Completed.WaitAsync(TestServer.DefaultTimeout);

        output.WriteLine($"{shape}: {corpus.Entries.Count} frames, {corpus.TotalBytes} bytes");
        output.WriteLine("categories: " + string.Join(", ", corpus.CountByCategory().Select(c => $"{c.Key} {c.Value}")));
        output.WriteLine("outcomes: " + string.Join(", ", observer.Outcomes.Select(o => $"{o.Key} {o.Value}")));
        Assert.True(observer.MismatchCount == 0, $"{observer.MismatchCount} mismatches, the first: {string.Join(Environment.NewLine, observer.Mismatches)}");
        Assert.Equal(BadCount, corpus.Entries.Count(entry => entry.Category != CorpusCategory.Valid));
        Assert.Equal(CorpusObserver.ExpectedOutcomes(corpus.Entries), observer.Outcomes);
        Assert.True(client.IsOpen);
    }

    [Fact]
    public void The_corpus_is_the_same_for_the_same_seed_and_covers_every_category()
    {
        var first = HostileCorpus.Generate(CorpusShape.Wrapped, Seed, 2_000);
        var second = HostileCorpus.Generate(CorpusShape.Wrapped, Seed, 2_000);

        Assert.Equal(first.Entries.Select(e => e.Payload), second.Entries.Select(e => e.Payload));
        Assert.Equal(Enum.GetValues<CorpusCategory>(), first.CountByCategory().Keys);
    }
}
