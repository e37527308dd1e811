using CsCheck;

namespace CpWebSocket.Tests.Reliability.Properties;

/// <summary>The CsCheck generators of the codec properties.</summary>
public static class CodecGen
{
    /// <summary>Any Unicode text: every BMP character but lone surrogates, and supplementary characters as pairs.</summary>
    public static readonly Gen<string> Unicode = Gen.Frequency(
            (4, Gen.Char.Where(c => !char.IsSurrogate(c)).Select(c => c.ToString())),
            (2, Gen.Char['\0', '\u001F'].Select(c => c.ToString())),
            (2, OneOfValues("\"", "\\", "/", "\\u0000", "\u2028", "\uFEFF", "<", ">", "&", "'", "+")),
            (2, Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32)))
        .Array[0, 12]
        .Select(parts => string.Concat(parts));

    public static readonly Gen<double> FiniteDouble = Gen.Frequency(
        (6, Gen.Double.Where(double.IsFinite)),
        (1, OneOfValues(0.0, -0.0, double.MaxValue, double.MinValue, double.Epsilon, -double.Epsilon, 1e-300, 0.1)));

    public static readonly Gen<decimal> AnyDecimal = Gen.Frequency(
        (6, Gen.Decimal),
        (1, OneOfValues(decimal.MaxValue, decimal.MinValue, 0m, -0.0000000000000000000000000001m, 1.0m, 1.00m)));

    public static readonly Gen<IReadOnlyList<IReadOnlyList<long>?>?> NestedLists =
        Gen.Long.Array[0, 4].Select(list => (IReadOnlyList<long>)list).Null()
            .Array[0, 4].Select(lists => (IReadOnlyList<IReadOnlyList<long>?>)lists).Null();

    public static readonly Gen<Specimen> Specimen = Gen.Select(
        Gen.Select(Unicode, Unicode.Null(), Gen.Int, Gen.Long, (text, maybe, number, big) => (text, maybe, number, big)),
        Gen.Select(FiniteDouble, AnyDecimal, Gen.Bool, NestedLists, Unicode.Null().Array[0, 4], (real, money, flag, nested, words) => (real, money, flag, nested, words)),
        (a, b) => new Specimen(a.text, a.maybe, a.number, a.big, b.real, b.money, b.flag, b.nested, b.words));

    /// <summary>Bytes drawn mostly from JSON's alphabet and the envelope's names, so that many are nearly JSON.</summary>
    public static readonly Gen<byte[]> JsonishBytes = Gen.Frequency(
            (6, OneOfValues("{", "}", "[", "]", "\"", ":", ",", " ", "\\", "\\u", "d8", "00", "type", "op", "data", "d", "spec", "42", "-", "1", "e", "9", ".", "true", "null", "\"type\":", "\"op\":")),
            (1, Gen.Byte.Select(b => ((char)b).ToString())))
        .Array[0, 40]
        .Select(parts => System.Text.Encoding.Latin1.GetBytes(string.Concat(parts)));

    public static readonly Gen<Mutation> Mutation =
        Gen.Select(Gen.Enum<MutationKind>(), Gen.Double[0, 1], Gen.Double[0, 1], OneOfValues("{", "}", "[", "]", "\"", ":", ",", "\\", "\\u", "0", "-", "e", "null", "\"type\"", "\"op\"", "\"data\"", "\"d\"", "\u00FF", "\uD83D"))
        .Select((kind, at, length, text) => new Mutation(kind, at, length, text));

    /// <summary>One of the given values (CsCheck's own overload for constants differs between its versions for .NET 8 and .NET 10).</summary>
    private static Gen<T> OneOfValues<T>(params T[] values) => Gen.OneOf(values.Select(Gen.Const).ToArray());
}
