using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CpWebSocket.Messaging.Payloads;

/// <summary>How a received contract's record is read from its payload, and what an absent or <c>null</c> payload reads as.</summary>
/// <typeparam name="T">The contract.</typeparam>
internal abstract class PayloadReader<T>
{
    /// <summary>What a payload that is absent or <c>null</c> is read as: <c>{}</c> for a record, <c>null</c> for a value.</summary>
    public abstract ReadOnlySpan<byte> WhenAbsent { get; }

    /// <summary>Whether the record is built around a <c>[PayloadValue]</c> member rather than read as an object.</summary>
    public abstract bool IsValue { get; }

    /// <summary>The serializer metadata of what the payload is read as.</summary>
    public abstract JsonTypeInfo TypeInfo { get; }

    /// <summary>Reads the record; throws what the serializer or the record's constructor throws.</summary>
    public abstract T? Read(ReadOnlySpan<byte> payload);

    /// <summary>
    /// Reads the record from the value the reader stands at, through the type's own converter (which, unlike
    /// <c>JsonSerializer.Deserialize(ref reader)</c>, does not skip the value first), leaving the reader at its last token.
    /// </summary>
    public abstract T? Read(ref Utf8JsonReader reader);

    /// <summary>The converter of <paramref name="typeInfo"/>, which reads <typeparamref name="TValue"/> straight from a reader.</summary>
    protected static JsonConverter<TValue> ConverterOf<TValue>(JsonTypeInfo<TValue> typeInfo) => (JsonConverter<TValue>)typeInfo.Converter;
}

/// <summary>Reads the payload as the record itself.</summary>
internal sealed class ObjectPayloadReader<T>(JsonTypeInfo<T> typeInfo) : PayloadReader<T>
{
    private readonly JsonConverter<T> _converter = ConverterOf(typeInfo);

    public override ReadOnlySpan<byte> WhenAbsent => "{}"u8;

    public override bool IsValue => false;

    public override JsonTypeInfo TypeInfo => typeInfo;

    public override T? Read(ReadOnlySpan<byte> payload) => JsonSerializer.Deserialize(payload, typeInfo);

    public override T? Read(ref Utf8JsonReader reader) => _converter.Read(ref reader, typeof(T), typeInfo.Options);
}

/// <summary>Reads the payload as the value of the record's <c>[PayloadValue]</c> member and builds the record around it.</summary>
internal sealed class ValuePayloadReader<T, TValue>(JsonTypeInfo<TValue> typeInfo, Func<TValue, T> create) : PayloadReader<T>
{
    private readonly JsonConverter<TValue> _converter = ConverterOf(typeInfo);

    public override ReadOnlySpan<byte> WhenAbsent => "null"u8;

    public override bool IsValue => true;

    public override JsonTypeInfo TypeInfo => typeInfo;

    public override T? Read(ReadOnlySpan<byte> payload) => create(JsonSerializer.Deserialize(payload, typeInfo)!);

    public override T? Read(ref Utf8JsonReader reader) => create(_converter.Read(ref reader, typeof(TValue), typeInfo.Options)!);
}
