using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>
/// Generates a deterministic corpus of inbound frames for a <see cref="CorpusShape"/>: bad ones of every
/// <see cref="CorpusCategory"/>, interleaved with valid messages (numbered by their <c>sequence</c> field), each
/// with the outcome the client must produce.
/// </summary>
public sealed class HostileCorpus
{
    /// <summary>The JSON reader's default depth limit.</summary>
    public const int DefaultMaxDepth = 64;

    private static readonly JsonSerializerOptions Escaping = new() { Encoder = JavaScriptEncoder.Default };
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    // Every bad category but the valid one, with its weight.
    private static readonly (CorpusCategory Category, int Weight)[] BadCategories =
    [
        (CorpusCategory.Truncated, 12),
        (CorpusCategory.WrongFieldType, 14),
        (CorpusCategory.MissingDiscriminator, 6),
        (CorpusCategory.DuplicateDiscriminator, 6),
        (CorpusCategory.DiscriminatorOfWrongType, 6),
        (CorpusCategory.DiscriminatorOfWrongKind, 6),
        (CorpusCategory.DiscriminatorNotAnInteger, 5),
        (CorpusCategory.UnknownDiscriminator, 6),
        (CorpusCategory.TooDeep, 6),
        (CorpusCategory.HugeNumber, 8),
        (CorpusCategory.HugeString, 2),
        (CorpusCategory.BadEscape, 6),
        (CorpusCategory.NotAnObject, 4),
        (CorpusCategory.NotJson, 8),
        (CorpusCategory.BadPayload, 2),
        (CorpusCategory.Binary, 5),
    ];

    private readonly CorpusShape _shape;
    private readonly Random _random;
    private readonly int _maxMessageSize;
    private readonly List<CorpusEntry> _entries = [];
    private long _sequence;

    private HostileCorpus(CorpusShape shape, int seed, int maxMessageSize)
    {
        _shape = shape;
        _random = new Random(seed);
        _maxMessageSize = maxMessageSize;
    }

    /// <summary>The entries, in the order the server sends them.</summary>
    public IReadOnlyList<CorpusEntry> Entries => _entries;

    /// <summary>
    /// Generates <paramref name="badCount"/> bad entries with a valid message before, after and between them
    /// (one after each bad entry at most, a quarter of the time, plus the first and the last).
    /// </summary>
    /// <param name="shape">The envelope to write.</param>
    /// <param name="seed">The seed: the same seed gives the same corpus.</param>
    /// <param name="badCount">How many bad entries.</param>
    /// <param name="maxMessageSize">The client's inbound size limit: every entry stays under it.</param>
    public static HostileCorpus Generate(CorpusShape shape, int seed, int badCount, int maxMessageSize = HttpWebSocketOptions.DefaultMaxMessageSize)
    {
        var corpus = new HostileCorpus(shape, seed, maxMessageSize);
        corpus.AddValid();
        for (var index = 0; index < badCount; index++)
        {
            corpus.AddBad(corpus.PickCategory());
            if (corpus._random.Next(4) == 0)
            {
                corpus.AddValid();
            }
        }

        corpus.AddValid();
        return corpus;
    }

    /// <summary>How many entries of each category.</summary>
    public IReadOnlyDictionary<CorpusCategory, int> CountByCategory() =>
        _entries.GroupBy(entry => entry.Category).OrderBy(group => group.Key).ToDictionary(group => group.Key, group => group.Count());

    /// <summary>The bytes of all frames together.</summary>
    public long TotalBytes => _entries.Sum(entry => (long)entry.Payload.Length);

    private CorpusCategory PickCategory()
    {
        var roll = _random.Next(BadCategories.Sum(c => c.Weight));
        foreach (var (category, weight) in BadCategories)
        {
            if ((roll -= weight) < 0)
            {
                return category == CorpusCategory.BadPayload && _shape.PayloadProperty is null ? CorpusCategory.WrongFieldType : category;
            }
        }

        throw new InvalidOperationException("unreachable");
    }

    private void AddValid()
    {
        var sequence = _sequence++;
        var sensor = _random.Next(200) == 0 ? new string('s', HugeLength()) : RandomText();
        var fields = ValidFields(sequence, sensor);
        Shuffle(fields);
        var before = new List<string>();
        if (_random.Next(4) == 0)
        {
            before.Add(Member("extra", _random.Next(2) == 0 ? "[1,{\"a\":[null,true]},\"x\"]" : Nested(_random.Next(1, DefaultMaxDepth - 2))));
        }

        if (_shape.PayloadProperty is null && _random.Next(3) == 0)
        {
            // The discriminator need not come first.
            var moved = _random.Next(fields.Count + 1);
            before.AddRange(fields.Take(moved));
            fields.RemoveRange(0, moved);
        }

        var name = _random.Next(5) == 0 ? EscapeAll(_shape.DiscriminatorProperty) : _shape.DiscriminatorProperty;
        var json = _shape.Write(before, [$"\"{name}\":{_shape.ContractDiscriminator}"], fields);
        Add(CorpusCategory.Valid, Whitespace(json), ExpectedOutcome.Delivered(sequence, sensor));
    }

    private void AddBad(CorpusCategory category)
    {
        switch (category)
        {
            case CorpusCategory.Truncated:
            {
                var whole = ValidMessage(ValidFields(-1, RandomText()));
                Add(category, whole[.._random.Next(whole.Length - 1)], InvalidJson()); // always before the closing brace
                break;
            }

            case CorpusCategory.WrongFieldType:
            {
                var (name, value) = WrongFieldValue();
                Add(category, WithField(name, value), Deserialization(name));
                break;
            }

            case CorpusCategory.MissingDiscriminator:
            {
                var fields = ValidFields(-1, RandomText());
                if (_random.Next(2) == 0)
                {
                    fields.Add(Member(_shape.DiscriminatorProperty.ToUpperInvariant(), _shape.ContractDiscriminator));
                }

                Add(category, _shape.Write([], [], fields), ExpectedOutcome.Error(WebSocketErrorKind.MissingDiscriminator, $"has no '{_shape.DiscriminatorProperty}' property"));
                break;
            }

            case CorpusCategory.DuplicateDiscriminator:
            {
                var second = _random.Next(3) switch
                {
                    0 => _shape.ContractDiscriminator,
                    1 => _shape.StringDiscriminators ? "\"other\"" : "8",
                    _ => "null",
                };
                var discriminators = new[] { _shape.Discriminator(_shape.ContractDiscriminator), _shape.Discriminator(second) };
                if (_random.Next(2) == 0)
                {
                    Array.Reverse(discriminators);
                }

                Add(category, _shape.Write([], discriminators, ValidFields(-1, RandomText())), ExpectedOutcome.Error(WebSocketErrorKind.MissingDiscriminator, $"more than one '{_shape.DiscriminatorProperty}' property"));
                break;
            }

            case CorpusCategory.DiscriminatorOfWrongType:
            {
                var (value, described) = _random.Next(6) switch
                {
                    0 => ("null", "is null"),
                    1 => ("true", "is true"),
                    2 => ("false", "is false"),
                    3 => ("{\"name\":\"reading\"}", "is an object"),
                    4 => ("[\"reading\"]", "is an array"),
                    _ => ("[7]", "is an array"),
                };
                Add(category, WithDiscriminator(value), ExpectedOutcome.Error(WebSocketErrorKind.MissingDiscriminator, $"{described}, not a string or an integer"));
                break;
            }

            case CorpusCategory.DiscriminatorOfWrongKind:
            {
                var value = _shape.StringDiscriminators
                    ? _random.Next(3) switch { 0 => "7", 1 => "-1", _ => long.MaxValue.ToString(CultureInfo.InvariantCulture) }
                    : _random.Next(3) switch { 0 => "\"7\"", 1 => "\"reading\"", _ => "\"\"" };
                var reason = _shape.StringDiscriminators
                    ? "is an integer, but this client's discriminators are strings"
                    : "is a string, but this client's discriminators are integers";
                Add(category, WithDiscriminator(value), ExpectedOutcome.Error(WebSocketErrorKind.MissingDiscriminator, reason));
                break;
            }

            case CorpusCategory.DiscriminatorNotAnInteger:
            {
                var value = _random.Next(5) switch
                {
                    0 => "7.5",
                    1 => "7.0",
                    2 => "1e400",
                    3 => "9223372036854775808",
                    _ => "-" + new string('9', 40),
                };
                Add(category, WithDiscriminator(value), ExpectedOutcome.Error(WebSocketErrorKind.MissingDiscriminator, "not a 64-bit integer"));
                break;
            }

            case CorpusCategory.UnknownDiscriminator:
            {
                if (_shape.StringDiscriminators)
                {
                    var value = _random.Next(4) switch
                    {
                        0 => "reading.v2",
                        1 => "Reading",
                        2 => "reading ",
                        _ => RandomText(),
                    };
                    Add(category, WithDiscriminator(JsonSerializer.Serialize(value, Escaping)), ExpectedOutcome.Unhandled(value));
                }
                else
                {
                    var value = _random.Next(3) switch { 0 => 8L, 1 => -7L, _ => _random.NextInt64() };
                    Add(category, WithDiscriminator(value.ToString(CultureInfo.InvariantCulture)), ExpectedOutcome.Unhandled(value.ToString(CultureInfo.InvariantCulture)));
                }

                break;
            }

            case CorpusCategory.TooDeep:
            {
                var deep = Nested(DefaultMaxDepth + _random.Next(1, 400));
                var json = _random.Next(4) switch
                {
                    0 => _shape.Write([Member("deep", deep)], [_shape.Discriminator(_shape.ContractDiscriminator)], ValidFields(-1, RandomText())),
                    1 => _shape.Write([], [_shape.Discriminator(_shape.ContractDiscriminator)], [.. ValidFields(-1, RandomText()), Member("deep", deep)]),
                    2 => _shape.Write([], [_shape.Discriminator(deep)], ValidFields(-1, RandomText())),
                    _ => $"{{{Member("deep", deep)}}}",
                };
                Add(category, json, ExpectedOutcome.Error(WebSocketErrorKind.InvalidJson, $"maximum configured depth of {DefaultMaxDepth}"));
                break;
            }

            case CorpusCategory.HugeNumber:
            {
                // A double beyond its range is no error: it reads as infinity, as in JavaScript (valid messages carry some).
                var (name, value) = _random.Next(8) switch
                {
                    0 => ("count", "2147483648"),
                    1 => ("count", "-2147483649"),
                    2 => ("sequence", "9223372036854775808"),
                    3 => ("sequence", "-1" + new string('0', 30)),
                    4 => ("amount", "79228162514264337593543950336"),
                    5 => ("amount", "-1e29"),
                    6 => ("samples", "[1,2147483648]"),
                    _ => ("count", new string('9', 5000)),
                };
                Add(category, WithField(name, value), Deserialization(name));
                break;
            }

            case CorpusCategory.HugeString:
            {
                var huge = new string('x', HugeLength());
                if (_random.Next(2) == 0)
                {
                    Add(category, WithField("count", $"\"{huge}\""), Deserialization("count"));
                }
                else if (_shape.StringDiscriminators)
                {
                    Add(category, WithDiscriminator($"\"{huge}\""), ExpectedOutcome.Unhandled(huge));
                }
                else
                {
                    Add(category, WithDiscriminator($"\"{huge}\""), ExpectedOutcome.Error(WebSocketErrorKind.MissingDiscriminator, "is a string, but this client's discriminators are integers"));
                }

                break;
            }

            case CorpusCategory.BadEscape:
            {
                switch (_random.Next(5))
                {
                    case 0:
                        Add(category, WithField("sensor", "\"\\uD800\""), Deserialization("sensor"));
                        break;
                    case 1:
                        Add(category, WithField("note", "\"a\\uDC00b\""), Deserialization("note"));
                        break;
                    case 2:
                        Add(category, WithField("sensor", "\"\\q\""), InvalidJson());
                        break;
                    case 3:
                        Add(category, WithField("note", "\"\\u12G4\""), InvalidJson());
                        break;
                    default:
                        var json = _shape.StringDiscriminators && _random.Next(2) == 0
                            ? WithDiscriminator("\"read\\uD800\"")
                            : _shape.Write([Member("\\uDFFF", "1")], [_shape.Discriminator(_shape.ContractDiscriminator)], ValidFields(-1, RandomText()));
                        Add(category, json, ExpectedOutcome.Error(WebSocketErrorKind.InvalidJson, "UTF-16 JSON text"));
                        break;
                }

                break;
            }

            case CorpusCategory.NotAnObject:
            {
                var (json, described) = _random.Next(5) switch
                {
                    // An array frame is routed element by element; an element that is itself an array is not flattened.
                    0 => ($"[{ValidMessage(ValidFields(-1, RandomText()))}]", "is an array"),
                    1 => ("\"reading\"", "is a string"),
                    2 => ("7", "is a number"),
                    3 => ("null", "is null"),
                    _ => ("false", "is false"),
                };
                var error = ExpectedOutcome.Error(WebSocketErrorKind.InvalidJson, $"{described}, not a JSON object");
                Add(category, described == "is an array" ? $"[{json}]" : json, described == "is an array" ? error with { RawText = json } : error);
                break;
            }

            case CorpusCategory.NotJson:
            {
                var valid = ValidMessage(ValidFields(-1, RandomText()));
                var json = _random.Next(7) switch
                {
                    0 => "~" + RandomText(),
                    1 => string.Empty,
                    2 => "\uFEFF" + valid,
                    3 => valid + " x",
                    4 => valid + valid,
                    5 => valid.Insert(1, "/* note */"),
                    _ => valid[..^1] + ",}",
                };
                Add(category, json, InvalidJson());
                break;
            }

            case CorpusCategory.BadPayload:
            {
                // A null or absent payload is read as an empty one, which lacks the record's required members.
                var (payload, reason) = _random.Next(2) == 0
                    ? ("null", $"its '{_shape.PayloadProperty}' is absent or null")
                    : (string.Empty, $"its '{_shape.PayloadProperty}' is absent or null");
                Add(category, _shape.Write([], [_shape.Discriminator(_shape.ContractDiscriminator)], [], payload), ExpectedOutcome.Error(WebSocketErrorKind.Deserialization, reason));
                break;
            }

            case CorpusCategory.Binary:
            {
                var payload = _random.Next(2) == 0
                    ? Encoding.UTF8.GetBytes(ValidMessage(ValidFields(-1, RandomText())))
                    : RandomBytes(_random.Next(0, 512));
                _entries.Add(new CorpusEntry(category, IsText: false, payload, ExpectedOutcome.RawOnly()));
                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(category), category, null);
        }
    }

    private static ExpectedOutcome InvalidJson() => ExpectedOutcome.Error(WebSocketErrorKind.InvalidJson, "not valid JSON");

    private static ExpectedOutcome Deserialization(string field) => ExpectedOutcome.Error(WebSocketErrorKind.Deserialization, $"$.{field}");

    private void Add(CorpusCategory category, string json, ExpectedOutcome expected) =>
        _entries.Add(new CorpusEntry(category, IsText: true, Encoding.UTF8.GetBytes(json), expected));

    private string ValidMessage(List<string> fields) => _shape.Write([], [_shape.Discriminator(_shape.ContractDiscriminator)], fields);

    private string WithField(string name, string valueJson)
    {
        var fields = ValidFields(-1, RandomText());
        fields.RemoveAll(member => member.StartsWith($"\"{name}\":", StringComparison.Ordinal));
        fields.Insert(_random.Next(fields.Count + 1), Member(name, valueJson));
        return ValidMessage(fields);
    }

    private string WithDiscriminator(string valueJson) =>
        _shape.Write([], [_shape.Discriminator(valueJson)], ValidFields(-1, RandomText()));

    private (string Name, string Value) WrongFieldValue()
    {
        string[] notString = ["5", "true", "{}", "[]", "1.5", "[\"a\"]"];
        string[] notInteger = ["\"5\"", "true", "1.5", "{}", "[]", "null", "\"x\"", "1e3"];
        string[] notNumber = ["\"1.5\"", "true", "{}", "[]", "null", "\"NaN\""];
        string[] notBool = ["1", "0", "\"true\"", "null", "{}", "[]"];
        string[] notList = ["\"abc\"", "5", "{}", "true", "[\"a\"]", "[1.5]", "[null]", "[[1]]"];
        var (name, values) = _random.Next(8) switch
        {
            0 => ("sensor", notString),
            1 => ("note", notString),
            2 => ("count", notInteger),
            3 => ("sequence", notInteger),
            4 => ("value", notNumber),
            5 => ("amount", notNumber),
            6 => ("active", notBool),
            _ => ("samples", notList),
        };
        return (name, values[_random.Next(values.Length)]);
    }

    private List<string> ValidFields(long sequence, string sensor)
    {
        var fields = new List<string>
        {
            Member(Name("sensor"), StringJson(sensor)),
            Member(Name("count"), _random.Next(int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture)),
            Member(Name("sequence"), sequence.ToString(CultureInfo.InvariantCulture)),
            Member(Name("value"), RandomDouble()),
            Member(Name("amount"), RandomDecimal()),
            Member(Name("active"), _random.Next(2) == 0 ? "true" : "false"),
        };
        if (_random.Next(3) != 0)
        {
            var samples = Enumerable.Range(0, _random.Next(0, 8)).Select(_ => _random.Next(int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture));
            fields.Add(Member(Name("samples"), _random.Next(6) == 0 ? "null" : $"[{string.Join(',', samples)}]"));
        }

        if (_random.Next(2) == 0)
        {
            fields.Add(Member(Name("note"), _random.Next(4) == 0 ? "null" : StringJson(RandomText())));
        }

        return fields;
    }

    private string Name(string name) => _random.Next(10) == 0 ? EscapeAll(name) : name;

    private static string Member(string name, string valueJson) => $"\"{name}\":{valueJson}";

    private static string EscapeAll(string name) => string.Concat(name.Select(c => $"\\u{(int)c:x4}"));

    private string StringJson(string value) => _random.Next(3) switch
    {
        0 => JsonSerializer.Serialize(value, Escaping),
        1 => JsonSerializer.Serialize(value, Relaxed),
        _ => "\"" + EscapeAll(value) + "\"",
    };

    private string RandomDouble() => _random.Next(8) switch
    {
        0 => "0",
        1 => "-0.0",
        2 => "1E+308",
        3 => "-4.9E-324",
        4 => "1e400",
        5 => "-1" + new string('0', 400),
        _ => ((_random.NextDouble() - 0.5) * Math.Pow(10, _random.Next(-20, 20))).ToString("R", CultureInfo.InvariantCulture),
    };

    private string RandomDecimal() => _random.Next(4) switch
    {
        0 => "79228162514264337593543950335",
        1 => "-0.0000000000000000000000000001",
        _ => new decimal(_random.Next(), _random.Next(), _random.Next(), _random.Next(2) == 0, (byte)_random.Next(0, 29)).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Text of up to 24 characters: ASCII, escapes, controls, any BMP character, surrogate pairs.</summary>
    private string RandomText()
    {
        var builder = new StringBuilder();
        for (var length = _random.Next(1, 24); builder.Length < length;)
        {
            switch (_random.Next(6))
            {
                case 0:
                    builder.Append((char)_random.Next(0x20, 0x7F));
                    break;
                case 1:
                    builder.Append("\"\\/\b\f\n\r\t"[_random.Next(8)]);
                    break;
                case 2:
                    builder.Append((char)_random.Next(0, 0x20));
                    break;
                case 3:
                    builder.Append(char.ConvertFromUtf32(_random.Next(0x10000, 0x110000)));
                    break;
                default:
                    var c = (char)_random.Next(0x80, 0x10000);
                    builder.Append(char.IsSurrogate(c) ? 'é' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Arrays or objects nested <paramref name="depth"/> deep.</summary>
    private string Nested(int depth)
    {
        var objects = _random.Next(2) == 0;
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append(objects ? "{\"a\":" : "[");
        }

        builder.Append('1');
        builder.Append(objects ? '}' : ']', depth);
        return builder.ToString();
    }

    /// <summary>A string length for a huge string: mostly tens of KiB, now and then close to the size limit.</summary>
    private int HugeLength() => _random.Next(20) == 0
        ? _random.Next(_maxMessageSize / 4, _maxMessageSize - 64 * 1024)
        : _random.Next(1024, 64 * 1024);

    private string Whitespace(string json) => _random.Next(4) == 0 ? $" \n{json}\t\r\n" : json;

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private void Shuffle(List<string> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
