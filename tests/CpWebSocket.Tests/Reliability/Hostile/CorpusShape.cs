using System.Text;

namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>The envelope a corpus is written for: where the discriminator and payload stand, and which kind the discriminators are.</summary>
public sealed class CorpusShape
{
    private CorpusShape(string name, string discriminatorProperty, string? payloadProperty, bool stringDiscriminators)
    {
        Name = name;
        DiscriminatorProperty = discriminatorProperty;
        PayloadProperty = payloadProperty;
        StringDiscriminators = stringDiscriminators;
    }

    /// <summary>The <see cref="ReadingClient"/>: <c>{"type":"reading",...fields}</c>.</summary>
    public static CorpusShape Flat { get; } = new("flat", "type", null, stringDiscriminators: true);

    /// <summary>The <see cref="MeasurementClient"/>: <c>{"op":7,"d":{...fields}}</c>.</summary>
    public static CorpusShape Wrapped { get; } = new("wrapped", "op", "d", stringDiscriminators: false);

    public string Name { get; }

    public string DiscriminatorProperty { get; }

    public string? PayloadProperty { get; }

    public bool StringDiscriminators { get; }

    /// <summary>The contract's discriminator as it stands in JSON.</summary>
    public string ContractDiscriminator => StringDiscriminators ? "\"reading\"" : "7";

    /// <summary>Writes a message: the members (already JSON, <c>"name":value</c>) around the discriminator member.</summary>
    /// <param name="before">Top-level members before the discriminator (flat: fields; wrapped: anything).</param>
    /// <param name="discriminators">The discriminator members, usually one.</param>
    /// <param name="fields">The message's fields: top-level when flat, inside the payload when wrapped.</param>
    /// <param name="payload">Overrides the payload value when wrapped (for example <c>null</c>), or leaves it out when empty.</param>
    public string Write(IEnumerable<string> before, IEnumerable<string> discriminators, IReadOnlyList<string> fields, string? payload = null)
    {
        var members = new List<string>(before);
        members.AddRange(discriminators);
        if (PayloadProperty is null)
        {
            members.AddRange(fields);
        }
        else if (payload is null)
        {
            members.Add($"\"{PayloadProperty}\":{{{string.Join(',', fields)}}}");
        }
        else if (payload.Length > 0)
        {
            members.Add($"\"{PayloadProperty}\":{payload}");
        }

        return $"{{{string.Join(',', members)}}}";
    }

    /// <summary>A discriminator member with <paramref name="valueJson"/> as its value.</summary>
    public string Discriminator(string valueJson) => $"\"{DiscriminatorProperty}\":{valueJson}";

    public override string ToString() => Name;

    internal static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
