namespace CpWebSocket.Samples.Chat.Tests.Support;

/// <summary>
/// A test that, as it ends, asserts that nothing in the process used the network while it ran (see
/// <see cref="NetworkProbe"/>). The tests that run beside it are all network-free too, so a use seen is one of theirs
/// at worst, and fails a test either way.
/// </summary>
public abstract class NetworkFreeTest : IDisposable
{
    private readonly int _usesBefore = NetworkProbe.Uses.Count;

    /// <summary>Run by xUnit after each test: a failure here fails the test.</summary>
    public void Dispose()
    {
        var uses = NetworkProbe.Uses;
        Assert.True(uses.Count == _usesBefore, $"The test used the network: {string.Join(", ", uses.Skip(_usesBefore))}.");
        GC.SuppressFinalize(this);
    }
}
