namespace CpWebSocket.Tests.Reliability.Properties;

/// <summary>A message with a field of every JSON kind: strings, numbers across their range, nulls, nested lists.</summary>
public sealed record Specimen(
    string Text,
    string? Maybe,
    int Whole,
    long Big,
    double Real,
    decimal Money,
    bool Flag,
    IReadOnlyList<IReadOnlyList<long>?>? Nested,
    IReadOnlyList<string?> Words)
{
    /// <summary>Equal field by field, lists element by element.</summary>
    public bool SameAs(Specimen other) =>
        Text == other.Text
        && Maybe == other.Maybe
        && Whole == other.Whole
        && Big == other.Big
        && Real.Equals(other.Real)
        && Money == other.Money
        && Flag == other.Flag
        && SameLists(Nested, other.Nested)
        && Words.SequenceEqual(other.Words);

    private static bool SameLists(IReadOnlyList<IReadOnlyList<long>?>? left, IReadOnlyList<IReadOnlyList<long>?>? right) =>
        left is null || right is null
            ? left is null && right is null
            : left.Count == right.Count && left.Zip(right).All(pair => pair.First is null || pair.Second is null
                ? pair.First is null && pair.Second is null
                : pair.First.SequenceEqual(pair.Second));
}
