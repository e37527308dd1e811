namespace CpWebSocket;

/// <summary>What a close decided under the connection's lock leaves to do once out of it.</summary>
/// <param name="Cycle">The cycle being closed, if any.</param>
/// <param name="Abandoned">Whether the cycle was still opening: it ends at once.</param>
/// <param name="CloseFrame">A close frame that took the idle lane and must be written now.</param>
internal readonly record struct CloseAction(ConnectionCycle? Cycle, bool Abandoned, SendOp? CloseFrame)
{
    public static CloseAction None => default;
}
