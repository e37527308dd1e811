namespace CpWebSocket.Tests.Reliability.Hostile;

/// <summary>What kind of inbound frame a corpus entry is.</summary>
public enum CorpusCategory
{
    /// <summary>A well-formed message of the client's contract, in any legal spelling.</summary>
    Valid,

    /// <summary>A well-formed message cut short at some byte.</summary>
    Truncated,

    /// <summary>A field holding a JSON value of the wrong type (or null where the type admits none).</summary>
    WrongFieldType,

    /// <summary>An object without the discriminator property.</summary>
    MissingDiscriminator,

    /// <summary>An object with the discriminator property twice.</summary>
    DuplicateDiscriminator,

    /// <summary>A discriminator that is null, a boolean, an object or an array.</summary>
    DiscriminatorOfWrongType,

    /// <summary>A number where the client's discriminators are strings, or a string where they are integers.</summary>
    DiscriminatorOfWrongKind,

    /// <summary>A number discriminator that is not a 64-bit integer (a fraction, or out of range).</summary>
    DiscriminatorNotAnInteger,

    /// <summary>A discriminator that names no contract of the client.</summary>
    UnknownDiscriminator,

    /// <summary>Nesting past the reader's depth limit, before or after the discriminator.</summary>
    TooDeep,

    /// <summary>
    /// A number beyond the range of its field's type: int, long or decimal. (A double beyond its range reads as
    /// infinity, as in JavaScript; valid messages carry such values.)
    /// </summary>
    HugeNumber,

    /// <summary>A string of up to megabytes (still under the size limit) where it does not belong.</summary>
    HugeString,

    /// <summary>A string with an escape that is malformed or decodes to a lone surrogate.</summary>
    BadEscape,

    /// <summary>Valid JSON that is not an object.</summary>
    NotAnObject,

    /// <summary>Text that is not JSON at all, or JSON with comments, trailing commas, a byte order mark or trailing content.</summary>
    NotJson,

    /// <summary>A wrapped message whose payload property is missing or null.</summary>
    BadPayload,

    /// <summary>A binary frame (JSON or not): the raw lane only.</summary>
    Binary,
}
