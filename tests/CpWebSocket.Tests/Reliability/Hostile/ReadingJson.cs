namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>Valid <see cref="Reading"/> messages as the flat envelope writes them.</summary>
public static class ReadingJson
{
    /// <summary>A reading numbered <paramref name="sequence"/>, with <paramref name="extra"/> members (JSON, with a leading comma) after its fields.</summary>
    public static string Flat(long sequence, string extra = "") =>
        $$"""{"type":"reading","sensor":"s{{sequence}}","count":1,"sequence":{{sequence}},"value":0.5,"amount":1.25,"active":true{{extra}}}""";

    /// <summary>A reading whose note pads the message to exactly <paramref name="size"/> bytes.</summary>
    public static string OfSize(long sequence, int size)
    {
        var empty = Flat(sequence, ",\"note\":\"\"");
        return Flat(sequence, $",\"note\":\"{new string('n', size - empty.Length)}\"");
    }

    /// <summary>A reading with an extra member holding arrays nested so that the message is <paramref name="depth"/> deep.</summary>
    public static string OfDepth(long sequence, int depth) =>
        Flat(sequence, $",\"extra\":{new string('[', depth - 1)}{new string(']', depth - 1)}");
}
