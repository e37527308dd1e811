using System.Buffers;

namespace CpWebSocket.Messaging.Layout;

/// <summary>
/// Finds where a JSON value ends from its brackets and strings alone, with vectorized searches and without
/// tokenizing it: for a payload the deserializer is about to read (and check) anyway.
/// </summary>
internal static class RawJsonValue
{
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> StringEnd = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> ScalarEnd = SearchValues.Create(",}] \t\r\n"u8);

    /// <summary>
    /// The length of the value <paramref name="json"/> starts with, and how deep its brackets nest; -1 when the bytes
    /// end before it does. The value is not checked: brackets that do not pair up are the deserializer's to find.
    /// </summary>
    public static int Length(ReadOnlySpan<byte> json, out int depth)
    {
        depth = 0;
        if (json.IsEmpty)
        {
            return -1;
        }

        switch (json[0])
        {
            case (byte)'"':
                return AfterString(json, 1);
            case not ((byte)'{' or (byte)'['):
                var end = json.IndexOfAny(ScalarEnd);
                return end < 0 ? json.Length : end;
        }

        var open = 0;
        var i = 0;
        while (i < json.Length)
        {
            var next = json[i..].IndexOfAny(Structural);
            if (next < 0)
            {
                return -1;
            }

            i += next;
            switch (json[i])
            {
                case (byte)'"':
                    i = AfterString(json, i + 1);
                    if (i < 0)
                    {
                        return -1;
                    }

                    continue;
                case (byte)'{' or (byte)'[':
                    open++;
                    depth = Math.Max(depth, open);
                    break;
                default:
                    open--;
                    if (open == 0)
                    {
                        return i + 1;
                    }

                    break;
            }

            i++;
        }

        return -1;
    }

    /// <summary>The index after the quote that closes the string whose contents start at <paramref name="start"/>, or -1.</summary>
    private static int AfterString(ReadOnlySpan<byte> json, int start)
    {
        while (start < json.Length)
        {
            var next = json[start..].IndexOfAny(StringEnd);
            if (next < 0)
            {
                return -1;
            }

            start += next;
            if (json[start] == (byte)'"')
            {
                return start + 1;
            }

            start += 2; // an escape: the next byte cannot close the string
        }

        return -1;
    }
}
