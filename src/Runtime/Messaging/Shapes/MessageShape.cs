using System.ComponentModel;
using System.Text.Json;

namespace CpWebSocket.Messaging.Shapes;

/// <summary>
/// The members a received message, response or envelope must carry: those its type declares non-nullable and without a
/// default value, at every level of nested objects. Generated clients describe each type they read with a
/// <see cref="MessageShape{T}"/>; a message that lacks one of them is a
/// <see cref="WebSocketErrorKind.Deserialization"/> error (a request fails with a <see cref="WebSocketResponseException"/>)
/// instead of a record with a <c>null</c> or zero where a value was promised.
/// </summary>
/// <remarks>
/// Checking costs nothing on the usual path: the deserialized record is looked at first (<see cref="MessageShape{T}.MayLack"/>),
/// and only a <c>null</c> or default value in a required member, which a missing member leaves, sends the check back to the
/// JSON to tell a missing member from a present zero.
/// <para>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</para>
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class MessageShape
{
    private readonly MessageShapeMember[] _members;

    private protected MessageShape(Type type, MessageShapeMember[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (Array.IndexOf(members, null) >= 0)
        {
            throw new ArgumentException("The members contain null.", nameof(members));
        }

        Type = type;
        _members = members;
    }

    /// <summary>The type this shape describes.</summary>
    public Type Type { get; }

    /// <summary>The members checked.</summary>
    public IReadOnlyList<MessageShapeMember> Members => _members;

    /// <inheritdoc />
    public override string ToString() => $"{Type} {{ {string.Join(", ", _members.Select(m => m.ToString()))} }}";

    /// <summary>
    /// The path of the first required member <paramref name="json"/> lacks (absent or <c>null</c>), such as
    /// <c>requestStatus.code</c> or <c>bids[3].price</c>; <see langword="null"/> when it has them all.
    /// </summary>
    /// <param name="json">The JSON value the record was read from.</param>
    /// <param name="options">How names are matched (<see cref="JsonSerializerOptions.PropertyNameCaseInsensitive"/>) and how deep the JSON may be.</param>
    internal string? FindMissing(ReadOnlySpan<byte> json, JsonSerializerOptions options)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling,
            MaxDepth = options.MaxDepth,
        });
        reader.Read();
        return Check(ref reader, options.PropertyNameCaseInsensitive);
    }

    /// <summary>Checks the value the reader stands at and leaves the reader at its end.</summary>
    private string? Check(ref Utf8JsonReader reader, bool ignoreCase)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null; // not an object: the serializer already said what it made of it
        }

        Span<bool> seen = _members.Length <= 128 ? stackalloc bool[_members.Length] : new bool[_members.Length];
        seen.Clear();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var index = Find(ref reader, ignoreCase);
            reader.Read();
            if (index < 0)
            {
                reader.Skip();
                continue;
            }

            var member = _members[index];
            seen[index] = true;
            if (reader.TokenType == JsonTokenType.Null)
            {
                if (member.Required)
                {
                    return member.Name;
                }

                continue;
            }

            if (member.Value is { } value)
            {
                if (value.Check(ref reader, ignoreCase) is { } inner)
                {
                    return member.Name + "." + inner;
                }
            }
            else if (member.Items is { } items && reader.TokenType == JsonTokenType.StartArray)
            {
                var i = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (items.Check(ref reader, ignoreCase) is { } inner)
                    {
                        return $"{member.Name}[{i}].{inner}";
                    }

                    i++;
                }
            }
            else
            {
                reader.Skip();
            }
        }

        for (var i = 0; i < _members.Length; i++)
        {
            if (_members[i].Required && !seen[i])
            {
                return _members[i].Name;
            }
        }

        return null;
    }

    private int Find(ref Utf8JsonReader reader, bool ignoreCase)
    {
        for (var i = 0; i < _members.Length; i++)
        {
            if (reader.ValueTextEquals(_members[i].NameUtf8))
            {
                return i;
            }
        }

        if (!ignoreCase)
        {
            return -1;
        }

        // Only on the way to an error report, so the name may cost a string.
        var name = reader.GetString();
        for (var i = 0; i < _members.Length; i++)
        {
            if (string.Equals(name, _members[i].Name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}
