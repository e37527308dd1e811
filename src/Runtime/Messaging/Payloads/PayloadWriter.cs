using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CpWebSocket.Messaging.Payloads;

/// <summary>How a sent contract's payload is written.</summary>
/// <typeparam name="T">The contract.</typeparam>
internal abstract class PayloadWriter<T>
{
    /// <summary>Whether the payload is a <c>[PayloadValue]</c> member's value rather than the record as an object.</summary>
    public abstract bool IsValue { get; }

    /// <summary>The serializer metadata of what is written.</summary>
    public abstract JsonTypeInfo TypeInfo { get; }

    public abstract void Write(Utf8JsonWriter writer, T message);
}

/// <summary>Writes the record itself.</summary>
internal sealed class ObjectPayloadWriter<T>(JsonTypeInfo<T> typeInfo) : PayloadWriter<T>
{
    public override bool IsValue => false;

    public override JsonTypeInfo TypeInfo => typeInfo;

    public override void Write(Utf8JsonWriter writer, T message) => JsonSerializer.Serialize(writer, message, typeInfo);
}

/// <summary>Writes the value of the record's <c>[PayloadValue]</c> member.</summary>
internal sealed class ValuePayloadWriter<T, TValue>(JsonTypeInfo<TValue> typeInfo, Func<T, TValue> select) : PayloadWriter<T>
{
    public override bool IsValue => true;

    public override JsonTypeInfo TypeInfo => typeInfo;

    public override void Write(Utf8JsonWriter writer, T message) => JsonSerializer.Serialize(writer, select(message), typeInfo);
}
