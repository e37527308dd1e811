namespace CpWebSocket.Tests.Diagnostics;

internal static class TestTimeouts
{
    /// <summary>Generous enough for a loaded two-core machine.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);
}
