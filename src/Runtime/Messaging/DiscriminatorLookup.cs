using System.Text;
using System.Text.Json;
using CpWebSocket.Messaging.Layout;

namespace CpWebSocket.Messaging;

/// <summary>
/// One routing level: finds what a received discriminator value routes to, from the value's bytes and without
/// allocating. Strings are looked up exactly, then among prefix patterns (<c>"ticker.*"</c>), longest first; integers
/// in a dictionary. One kind per level. Built once, read-only after.
/// </summary>
/// <typeparam name="TValue">What a value routes to.</typeparam>
internal sealed class DiscriminatorLookup<TValue>
    where TValue : class
{
    private const int SmallLimit = 100;

    private static readonly FindInUtf8<DiscriminatorLookup<TValue>, TValue> FindString = static (lookup, utf8) => lookup.Find(utf8);

    private readonly Utf8KeyTable<TValue>? _strings;
    private readonly (byte[] Prefix, TValue Value)[] _patterns = [];
    private readonly Dictionary<long, TValue>? _integers;

    // The integers 0 to 99 (OBS's and Discord's opcodes), indexed by their value: most integer levels need no hashing.
    private readonly TValue?[]? _small;

    /// <param name="items">The values; those marked as patterns are string prefixes (ending in <c>*</c>).</param>
    /// <param name="isString">The kind of the level: <see langword="null"/> when it has no values, so that either kind is well-formed.</param>
    public DiscriminatorLookup(IReadOnlyList<(MessageDiscriminator Value, bool Pattern, TValue Item)> items, bool? isString)
    {
        IsString = isString;
        if (isString != false)
        {
            _strings = new Utf8KeyTable<TValue>([.. items.Where(i => !i.Pattern).Select(i => (Encoding.UTF8.GetBytes(i.Value.StringValue!), i.Item))]);
            _patterns = [.. items.Where(i => i.Pattern)
                .Select(i => (Encoding.UTF8.GetBytes(i.Value.StringValue![..^1]), i.Item))
                .OrderByDescending(p => p.Item1.Length)];
        }

        if (isString != true)
        {
            _integers = items.ToDictionary(i => i.Value.IntegerValue, i => i.Item);
            _small = new TValue?[SmallLimit];
            foreach (var (key, item) in _integers)
            {
                if (key is >= 0 and < SmallLimit)
                {
                    _small[key] = item;
                }
            }
        }
    }

    /// <summary>The kind of the level's values, or <see langword="null"/> when it has none.</summary>
    public bool? IsString { get; }

    /// <summary>Looks up the value a slot recorded: a string or a 64-bit integer.</summary>
    public LookupStatus Find(ReadOnlySpan<byte> json, in FieldSlot slot, out TValue? value)
    {
        value = null;
        switch (slot.Token)
        {
            case JsonTokenType.String when _strings is null:
                return LookupStatus.WrongKind;
            case JsonTokenType.String:
                var inner = json.Slice(slot.Start + 1, slot.Length - 2);
                value = inner.IndexOf((byte)'\\') < 0 ? Find(inner) : SlotValue.WithString(json, slot, this, FindString);
                return LookupStatus.Found;
            case JsonTokenType.Number when _small is not null && slot.Length <= 2 && IsSmall(json.Slice(slot.Start, slot.Length), out var small):
                value = _small[small];
                return LookupStatus.Found;
            case JsonTokenType.Number:
                if (!SlotValue.TryGetInt64(json, slot, out var number))
                {
                    return LookupStatus.NotAnInteger;
                }

                if (_integers is null)
                {
                    return LookupStatus.WrongKind;
                }

                value = _integers.GetValueOrDefault(number);
                return LookupStatus.Found;
            default:
                return LookupStatus.WrongType;
        }
    }

    /// <summary>A number of one or two digits (JSON allows no leading zero, so that is 0 to 99).</summary>
    private static bool IsSmall(ReadOnlySpan<byte> number, out int value)
    {
        value = number[0] - '0';
        if ((uint)value > 9)
        {
            return false; // '-'
        }

        if (number.Length == 1)
        {
            return true;
        }

        var units = number[1] - '0';
        value = (value * 10) + units;
        return (uint)units <= 9;
    }

    /// <summary>What a string value routes to, from its UTF-8 bytes without escapes; for a level of strings only.</summary>
    public TValue? FindUnescaped(ReadOnlySpan<byte> utf8) => Find(utf8);

    private TValue? Find(ReadOnlySpan<byte> utf8)
    {
        if (_strings!.Find(utf8) is { } exact)
        {
            return exact;
        }

        foreach (var (prefix, value) in _patterns)
        {
            if (utf8.StartsWith(prefix))
            {
                return value;
            }
        }

        return null;
    }
}

/// <summary>What looking a received value up found.</summary>
internal enum LookupStatus
{
    /// <summary>A usable value (what it routes to may still be nothing).</summary>
    Found,

    /// <summary>Neither a string nor a number.</summary>
    WrongType,

    /// <summary>A number that is not a 64-bit integer.</summary>
    NotAnInteger,

    /// <summary>A string where the level's values are integers, or the reverse.</summary>
    WrongKind,
}
