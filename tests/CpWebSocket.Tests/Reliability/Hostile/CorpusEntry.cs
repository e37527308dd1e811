using CpWebSocket.Tests.Server.Endpoints;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>One frame of the corpus: its bytes, its frame type, its category and what must become of it.</summary>
public sealed record CorpusEntry(CorpusCategory Category, bool IsText, byte[] Payload, ExpectedOutcome Expected)
{
    /// <summary>The <c>/relay</c> instruction that makes the server send this frame.</summary>
    public byte[] ToRelayInstruction()
    {
        var instruction = new byte[Payload.Length + 1];
        instruction[0] = IsText ? RelayEndpoint.Text : RelayEndpoint.Binary;
        Payload.CopyTo(instruction, 1);
        return instruction;
    }
}
