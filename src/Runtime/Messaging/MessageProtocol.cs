using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CpWebSocket.Messaging;

/// <summary>
/// The JSON side of a typed client: an envelope and the serializer settings its messages use. It makes the
/// client's <see cref="OutboundContract{T}"/>s and <see cref="InboundContract"/>s and the
/// <see cref="InboundRouter"/> that dispatches received messages. Create one per client type and keep it.
/// </summary>
/// <example>
/// <code language="csharp">
/// var protocol = MessageProtocol.Create(new MessageEnvelope("type"), ChatJsonContext.Default);
/// var say = protocol.Outbound&lt;Say&gt;("chat.say");
/// var router = protocol.CreateRouter(
///     protocol.Inbound&lt;Said&gt;("chat.said", static (client, message, ct) => ((ChatClient)client).OnSaidAsync(message, ct)));
/// </code>
/// </example>
public sealed class MessageProtocol
{
    private readonly string? _contextName;

    private MessageProtocol(MessageEnvelope envelope, JsonSerializerOptions options, string? contextName)
    {
        options.MakeReadOnly();
        Envelope = envelope;
        SerializerOptions = options;
        _contextName = contextName;
        DiscriminatorPropertyUtf8 = Encoding.UTF8.GetBytes(envelope.DiscriminatorProperty);
        PayloadPropertyUtf8 = envelope.PayloadProperty is { } payload ? Encoding.UTF8.GetBytes(payload) : null;

        // Messages go out compact whatever WriteIndented says: the flat encoding splices the payload's first byte.
        WriterOptions = new JsonWriterOptions { Encoder = options.Encoder, MaxDepth = options.MaxDepth };
        ReaderOptions = new JsonReaderOptions
        {
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling,
            MaxDepth = options.MaxDepth,
        };
        EncodeBuffers = new EncodeBufferPool(WriterOptions);
    }

    /// <summary>The envelope messages are laid out in.</summary>
    public MessageEnvelope Envelope { get; }

    /// <summary>The serializer settings of the messages (read-only).</summary>
    public JsonSerializerOptions SerializerOptions { get; }

    internal byte[] DiscriminatorPropertyUtf8 { get; }

    internal byte[]? PayloadPropertyUtf8 { get; }

    internal JsonWriterOptions WriterOptions { get; }

    internal JsonReaderOptions ReaderOptions { get; }

    /// <summary>The reusable buffers outbound messages are encoded into.</summary>
    internal EncodeBufferPool EncodeBuffers { get; }

    /// <summary>
    /// Creates a protocol whose messages are serialized with <paramref name="context"/>'s generated metadata and
    /// options: no reflection, safe for trimming and Native AOT. The context must know every contract type.
    /// </summary>
    /// <param name="envelope">How messages are laid out.</param>
    /// <param name="context">A <see cref="JsonSerializerContext"/> with <c>[JsonSerializable]</c> for each contract type.</param>
    /// <returns>The protocol.</returns>
    public static MessageProtocol Create(MessageEnvelope envelope, JsonSerializerContext context)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(context);
        return new MessageProtocol(envelope, context.Options, context.GetType().Name);
    }

    /// <summary>
    /// Creates a protocol whose messages are serialized by reflection with <see cref="JsonSerializerDefaults.Web"/>
    /// (camelCase names, case-insensitive reads, numbers from strings allowed). Not for trimmed or Native AOT
    /// apps: name a <see cref="JsonSerializerContext"/> and use <see cref="Create"/> there.
    /// </summary>
    /// <param name="envelope">How messages are laid out.</param>
    /// <returns>The protocol.</returns>
    [RequiresUnreferencedCode("Reflection-based JSON serialization may need members that trimming removes. Name a JsonSerializerContext (WebSocketClient.SerializerContext) and use MessageProtocol.Create.")]
    [RequiresDynamicCode("Reflection-based JSON serialization may generate code at run time, which Native AOT cannot. Name a JsonSerializerContext (WebSocketClient.SerializerContext) and use MessageProtocol.Create.")]
    public static MessageProtocol CreateReflectionBased(MessageEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        return new MessageProtocol(envelope, options, null);
    }

    /// <summary>Describes a sent message type: its discriminator and its pre-encoded envelope prefix.</summary>
    /// <typeparam name="T">The message contract.</typeparam>
    /// <param name="discriminator">The value written to the discriminator property.</param>
    /// <returns>The contract, to pass with each message to <c>SendMessageAsync</c>.</returns>
    /// <exception cref="InvalidOperationException">
    /// The serializer has no metadata for <typeparamref name="T"/>; or, for a flat envelope, <typeparamref name="T"/>
    /// serializes as a JSON array or has a property of the discriminator's name.
    /// </exception>
    public OutboundContract<T> Outbound<T>(MessageDiscriminator discriminator)
    {
        var typeInfo = GetTypeInfo<T>();
        if (!Envelope.IsWrapped)
        {
            EnsureFlatObject(typeInfo);
            if (HasProperty(typeInfo, Envelope.DiscriminatorProperty))
            {
                throw new InvalidOperationException(
                    $"{typeof(T)} has a JSON property named '{Envelope.DiscriminatorProperty}', the discriminator property of this flat envelope, so each message would carry it twice. Rename it ([JsonPropertyName]) or leave it out ([JsonIgnore]).");
            }
        }

        var (head, payloadName) = EncodeHead(discriminator);
        return new OutboundContract<T>(this, discriminator, typeInfo, head, payloadName);
    }

    /// <summary>
    /// Describes a request: a sent message written with a new request id, whose response is the received message
    /// that carries the same id.
    /// </summary>
    /// <typeparam name="TRequest">The request contract.</typeparam>
    /// <typeparam name="TResponse">The response contract: read from the whole message (flat envelope) or its payload (wrapped; the whole message when it has no payload).</typeparam>
    /// <param name="discriminator">The value written to the request's discriminator property.</param>
    /// <param name="timeout">How long to wait for the response; <see langword="null"/> for the client's default, <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <returns>The contract, to pass with each request to <c>RequestAsync</c>.</returns>
    /// <exception cref="InvalidOperationException">
    /// The envelope has no <see cref="MessageEnvelope.RequestId"/>; the serializer has no metadata for a type; or the
    /// request has a property named like the id where the id is written.
    /// </exception>
    public RequestContract<TRequest, TResponse> Request<TRequest, TResponse>(MessageDiscriminator discriminator, TimeSpan? timeout = null)
    {
        if (Envelope.RequestId is not { } requestId)
        {
            throw new InvalidOperationException(RequestErrors.NoRequestIds(typeof(TRequest), Envelope));
        }

        if (timeout is { } limit && limit <= TimeSpan.Zero && limit != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), limit, "A request timeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        var outbound = Outbound<TRequest>(discriminator);
        if (!Envelope.IsWrapped || Envelope.RequestIdInPayload)
        {
            var typeInfo = outbound.TypeInfo;
            if (Envelope.RequestIdInPayload && typeInfo.Kind == JsonTypeInfoKind.Enumerable)
            {
                throw new InvalidOperationException(RequestErrors.PayloadNotAnObject(typeof(TRequest), "[]"u8, Envelope));
            }

            if (HasProperty(typeInfo, requestId.Property))
            {
                throw new InvalidOperationException(RequestErrors.PropertyNamedLikeId(typeof(TRequest), requestId.Property));
            }
        }

        return new RequestContract<TRequest, TResponse>(outbound, GetTypeInfo<TResponse>(), timeout);
    }

    /// <summary>Describes a received message type: its discriminator and the handler that receives it.</summary>
    /// <typeparam name="T">The message contract.</typeparam>
    /// <param name="discriminator">The discriminator value that routes a message to this contract.</param>
    /// <param name="handler">Receives each deserialized message.</param>
    /// <returns>The contract, to pass to <see cref="CreateRouter"/>.</returns>
    /// <exception cref="InvalidOperationException">
    /// The serializer has no metadata for <typeparamref name="T"/>; or, for a flat envelope, <typeparamref name="T"/> is a JSON array type.
    /// </exception>
    public InboundContract Inbound<T>(MessageDiscriminator discriminator, InboundHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var typeInfo = GetTypeInfo<T>();
        if (!Envelope.IsWrapped)
        {
            EnsureFlatObject(typeInfo);
        }

        return new InboundContract<T>(this, discriminator, typeInfo, handler);
    }

    /// <summary>Creates the router that dispatches received messages to <paramref name="contracts"/>.</summary>
    /// <param name="contracts">The received contracts, made by <see cref="Inbound{T}"/> of this protocol; none is allowed.</param>
    /// <returns>The router.</returns>
    /// <exception cref="ArgumentException">
    /// Two contracts share a discriminator, the contracts mix string and integer discriminators, or a contract
    /// belongs to another protocol.
    /// </exception>
    public InboundRouter CreateRouter(params InboundContract[] contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        return new InboundRouter(this, (InboundContract[])contracts.Clone());
    }

    /// <inheritdoc />
    public override string ToString() => $"{Envelope}, {_contextName ?? "reflection"}";

    private JsonTypeInfo<T> GetTypeInfo<T>()
    {
        try
        {
            return (JsonTypeInfo<T>)SerializerOptions.GetTypeInfo(typeof(T));
        }
        catch (NotSupportedException ex)
        {
            throw new InvalidOperationException(
                _contextName is null
                    ? $"{typeof(T)} cannot be used as a message: {ex.Message}"
                    : $"{_contextName} has no usable JSON metadata for {typeof(T)}; add [JsonSerializable(typeof({typeof(T)}))] to it. {ex.Message}",
                ex);
        }
    }

    /// <summary>Whether <paramref name="typeInfo"/> writes a JSON property named <paramref name="name"/> (exactly).</summary>
    private static bool HasProperty(JsonTypeInfo typeInfo, string name)
    {
        foreach (var property in typeInfo.Kind == JsonTypeInfoKind.Object ? typeInfo.Properties : [])
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private void EnsureFlatObject(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind == JsonTypeInfoKind.Enumerable)
        {
            throw new InvalidOperationException(
                $"{typeInfo.Type} is a JSON array, but a flat envelope needs messages that are objects (their properties stand next to '{Envelope.DiscriminatorProperty}'). Use a wrapped envelope (a payload property) or an object type.");
        }
    }

    /// <summary>Encodes <c>{"type":"chat.say"</c>, and <c>,"data":</c> when wrapped, with the protocol's escaping.</summary>
    private (byte[] Head, byte[]? PayloadName) EncodeHead(MessageDiscriminator discriminator)
    {
        var output = new ArrayBufferWriter<byte>(64);
        int headLength;
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            writer.WriteStartObject();
            if (discriminator.IsString)
            {
                writer.WriteString(Envelope.DiscriminatorProperty, discriminator.StringValue);
            }
            else
            {
                writer.WriteNumber(Envelope.DiscriminatorProperty, discriminator.IntegerValue);
            }

            writer.Flush();
            headLength = output.WrittenCount;
            if (Envelope.PayloadProperty is { } payload)
            {
                writer.WritePropertyName(payload);
            }
        }

        var written = output.WrittenSpan;
        return (written[..headLength].ToArray(), Envelope.IsWrapped ? written[headLength..].ToArray() : null);
    }
}
