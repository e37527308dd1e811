using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Messaging.Layout;
using CpWebSocket.Messaging.Payloads;
using CpWebSocket.Messaging.Shapes;

namespace CpWebSocket.Messaging;

/// <summary>
/// The JSON side of a typed client: an envelope, the serializer settings its messages use, and the shapes its received
/// types are checked against. It makes the client's <see cref="OutboundContract{T}"/>s, <see cref="InboundContract"/>s
/// and requests, and the <see cref="InboundRouter"/> that dispatches received messages. Create one per client type and keep it.
/// </summary>
/// <example>
/// <code language="csharp">
/// var protocol = MessageProtocol.Create(new MessageEnvelope("type"), ChatJsonContext.Default);
/// var say = protocol.Outbound&lt;Say&gt;("chat.say");
/// var router = protocol.CreateRouter(
///     protocol.Inbound&lt;Said&gt;("chat.said", static (client, message, context, ct) => ((ChatClient)client).OnSaidAsync(message, ct)));
/// </code>
/// </example>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class MessageProtocol
{
    private readonly string? _contextName;
    private readonly MessageShapes? _shapes;

    private MessageProtocol(MessageEnvelope envelope, JsonSerializerOptions options, string? contextName, MessageShapes? shapes)
    {
        options.MakeReadOnly();
        Envelope = envelope;
        SerializerOptions = options;
        _contextName = contextName;
        _shapes = shapes;
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
        Layout = new EnvelopeLayout(envelope, options.Encoder);
    }

    /// <summary>The envelope messages are laid out in.</summary>
    public MessageEnvelope Envelope { get; }

    /// <summary>The serializer settings of the messages (read-only).</summary>
    public JsonSerializerOptions SerializerOptions { get; }

    internal byte[] DiscriminatorPropertyUtf8 { get; }

    internal byte[]? PayloadPropertyUtf8 { get; }

    internal JsonWriterOptions WriterOptions { get; }

    internal JsonReaderOptions ReaderOptions { get; }

    /// <summary>Where every member of the envelope stands, read and written.</summary>
    internal EnvelopeLayout Layout { get; }

    /// <summary>The members each received type must carry, or <see langword="null"/>.</summary>
    internal MessageShapes? Shapes => _shapes;

    /// <summary>The reusable buffers outbound messages are encoded into.</summary>
    internal EncodeBufferPool EncodeBuffers { get; }

    /// <summary>
    /// Creates a protocol whose messages are serialized with <paramref name="context"/>'s generated metadata and
    /// options: no reflection, safe for trimming and Native AOT. The context must know every contract type.
    /// </summary>
    /// <param name="envelope">How messages are laid out.</param>
    /// <param name="context">A <see cref="JsonSerializerContext"/> with <c>[JsonSerializable]</c> for each contract type.</param>
    /// <param name="shapes">The members each received type must carry; <see langword="null"/> checks none.</param>
    /// <returns>The protocol.</returns>
    /// <exception cref="ArgumentException">The envelope's routes or constants contradict it.</exception>
    public static MessageProtocol Create(MessageEnvelope envelope, JsonSerializerContext context, MessageShapes? shapes = null)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(context);
        return new MessageProtocol(envelope, context.Options, context.GetType().Name, shapes);
    }

    /// <summary>
    /// Creates a protocol whose messages are serialized by reflection with <see cref="JsonSerializerDefaults.Web"/>
    /// (camelCase names, case-insensitive reads, numbers from strings allowed). Not for trimmed or Native AOT
    /// apps: name a <see cref="JsonSerializerContext"/> and use <see cref="Create"/> there.
    /// </summary>
    /// <param name="envelope">How messages are laid out.</param>
    /// <returns>The protocol.</returns>
    /// <exception cref="ArgumentException">The envelope's routes or constants contradict it.</exception>
    [RequiresUnreferencedCode("Reflection-based JSON serialization may need members that trimming removes. Name a JsonSerializerContext (WebSocketClient.SerializerContext) and use MessageProtocol.Create.")]
    [RequiresDynamicCode("Reflection-based JSON serialization may generate code at run time, which Native AOT cannot. Name a JsonSerializerContext (WebSocketClient.SerializerContext) and use MessageProtocol.Create.")]
    public static MessageProtocol CreateReflectionBased(MessageEnvelope envelope) => CreateReflectionBased(envelope, null, null);

    /// <summary>
    /// Creates a protocol whose messages are serialized by reflection with <paramref name="options"/> (a copy), such as
    /// <see cref="JsonSerializerDefaults.Web"/> with a snake_case <see cref="JsonSerializerOptions.PropertyNamingPolicy"/>.
    /// Not for trimmed or Native AOT apps: name a <see cref="JsonSerializerContext"/> and use <see cref="Create"/> there.
    /// </summary>
    /// <param name="envelope">How messages are laid out.</param>
    /// <param name="options">The serializer settings; <see langword="null"/> for <see cref="JsonSerializerDefaults.Web"/>.</param>
    /// <param name="shapes">The members each received type must carry; <see langword="null"/> checks none.</param>
    /// <returns>The protocol.</returns>
    /// <exception cref="ArgumentException">The envelope's routes or constants contradict it.</exception>
    [RequiresUnreferencedCode("Reflection-based JSON serialization may need members that trimming removes. Name a JsonSerializerContext (WebSocketClient.SerializerContext) and use MessageProtocol.Create.")]
    [RequiresDynamicCode("Reflection-based JSON serialization may generate code at run time, which Native AOT cannot. Name a JsonSerializerContext (WebSocketClient.SerializerContext) and use MessageProtocol.Create.")]
    public static MessageProtocol CreateReflectionBased(MessageEnvelope envelope, JsonSerializerOptions? options, MessageShapes? shapes = null)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var copy = options is null ? new JsonSerializerOptions(JsonSerializerDefaults.Web) : new JsonSerializerOptions(options);
        copy.TypeInfoResolver ??= new DefaultJsonTypeInfoResolver();
        return new MessageProtocol(envelope, copy, null, shapes);
    }

    /// <summary>Describes a sent message type: its key and its pre-encoded envelope.</summary>
    /// <typeparam name="T">The message contract.</typeparam>
    /// <param name="key">The discriminator written, and the second-level value when its first level is routed.</param>
    /// <returns>The contract, to pass with each message to <c>SendMessageAsync</c>.</returns>
    /// <exception cref="InvalidOperationException">
    /// The serializer has no metadata for <typeparamref name="T"/>; or its members join an envelope object (a flat
    /// envelope) and <typeparamref name="T"/> serializes as a JSON array or has a property the envelope writes there.
    /// </exception>
    /// <exception cref="ArgumentException">The key does not fit the envelope's routes.</exception>
    public OutboundContract<T> Outbound<T>(MessageKey key) =>
        CreateOutbound(key, new ObjectPayloadWriter<T>(GetTypeInfo<T>()), withId: false);

    /// <summary>
    /// Describes a sent message type whose payload is the value of one of its members (<see cref="PayloadValueAttribute"/>),
    /// such as <c>{"op":1,"d":251}</c>.
    /// </summary>
    /// <typeparam name="T">The message contract.</typeparam>
    /// <typeparam name="TValue">The type of the member that is the payload.</typeparam>
    /// <param name="key">The discriminator written, and the second-level value when its first level is routed.</param>
    /// <param name="payload">Selects the member's value from a message.</param>
    /// <returns>The contract.</returns>
    /// <exception cref="InvalidOperationException">The envelope is flat, or the serializer has no metadata for <typeparamref name="TValue"/>.</exception>
    public OutboundContract<T> Outbound<T, TValue>(MessageKey key, Func<T, TValue> payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return CreateOutbound(key, new ValuePayloadWriter<T, TValue>(GetTypeInfo<TValue>(), payload), withId: false);
    }

    /// <summary>
    /// Describes a request: a sent message written with a new request id, completed by the received message that
    /// carries the same id and can be its response: its discriminator is <paramref name="response"/> (absent when
    /// <see langword="null"/>), or <paramref name="errorResponse"/>'s.
    /// </summary>
    /// <typeparam name="TRequest">The request contract.</typeparam>
    /// <typeparam name="TResponse">The response contract: read from the whole message (flat envelope) or its payload (wrapped; the whole message when it has no payload).</typeparam>
    /// <param name="key">The request's discriminator (and second-level value).</param>
    /// <param name="response">The response's discriminator (and second-level value), or <see langword="null"/> for a response that has none, as JSON-RPC's.</param>
    /// <param name="timeout">How long to wait for the response; <see langword="null"/> for the client's default, <see cref="Timeout.InfiniteTimeSpan"/> for no limit.</param>
    /// <param name="errorResponse">The message the server answers failed requests with, or <see langword="null"/>.</param>
    /// <returns>The contract, to pass with each request to <c>RequestAsync</c>.</returns>
    /// <exception cref="InvalidOperationException">
    /// The envelope has no <see cref="MessageEnvelope.RequestId"/>; the serializer has no metadata for a type; or the
    /// request has a property named like the id where the id is written.
    /// </exception>
    public RequestContract<TRequest, TResponse> Request<TRequest, TResponse>(
        MessageKey key, MessageKey? response = null, TimeSpan? timeout = null, ErrorResponseContract? errorResponse = null)
    {
        if (Envelope.RequestId is null)
        {
            throw new InvalidOperationException(RequestErrors.NoRequestIds(typeof(TRequest), Envelope));
        }

        if (timeout is { } limit && limit <= TimeSpan.Zero && limit != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), limit, "A request timeout must be positive or Timeout.InfiniteTimeSpan.");
        }

        if (errorResponse is not null && errorResponse.Protocol != this)
        {
            throw new ArgumentException("The error response belongs to another MessageProtocol.", nameof(errorResponse));
        }

        if (response is { IsPattern: true } pattern)
        {
            throw new ArgumentException($"The response key {pattern.ToDisplayString()} is a pattern; a response is matched by an exact value.", nameof(response));
        }

        var outbound = CreateOutbound(key, new ObjectPayloadWriter<TRequest>(GetTypeInfo<TRequest>()), withId: true);
        return new RequestContract<TRequest, TResponse>(
            outbound,
            GetTypeInfo<TResponse>(),
            _shapes?.Find<TResponse>(),
            new ResponseMatch(Layout, response, errorResponse),
            timeout);
    }

    /// <summary>Describes a received message type: its key and the handler that receives it.</summary>
    /// <typeparam name="T">The message contract.</typeparam>
    /// <param name="key">The discriminator that routes a message to this contract, and the second-level value (or prefix pattern) when its first level is routed.</param>
    /// <param name="handler">Receives each deserialized message.</param>
    /// <returns>The contract, to pass to <see cref="CreateRouter"/>.</returns>
    /// <exception cref="InvalidOperationException">
    /// The serializer has no metadata for <typeparamref name="T"/>; or, for a flat envelope, <typeparamref name="T"/> is a JSON array type.
    /// </exception>
    public InboundContract Inbound<T>(MessageKey key, InboundHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var typeInfo = GetTypeInfo<T>();
        if (!Envelope.IsWrapped && Layout.RouteOf(key.Discriminator)?.Payload is null)
        {
            EnsureFlatObject(typeInfo);
        }

        return new InboundContract<T>(this, key, new ObjectPayloadReader<T>(typeInfo), _shapes?.Find<T>(), handler);
    }

    /// <summary>
    /// Describes a received message type whose payload is the value of one of its members (<see cref="PayloadValueAttribute"/>),
    /// such as <c>{"op":9,"d":true}</c>: the value is read and the record built around it.
    /// </summary>
    /// <typeparam name="T">The message contract.</typeparam>
    /// <typeparam name="TValue">The type of the member that is the payload.</typeparam>
    /// <param name="key">The discriminator that routes a message to this contract (and its second-level value).</param>
    /// <param name="create">Builds the record from the value.</param>
    /// <param name="handler">Receives each message.</param>
    /// <returns>The contract, to pass to <see cref="CreateRouter"/>.</returns>
    /// <exception cref="InvalidOperationException">The envelope is flat, or the serializer has no metadata for <typeparamref name="TValue"/>.</exception>
    public InboundContract Inbound<T, TValue>(MessageKey key, Func<TValue, T> create, InboundHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(handler);
        if (!Envelope.IsWrapped && Layout.RouteOf(key.Discriminator)?.Payload is null)
        {
            throw new InvalidOperationException(MessageErrors.ValuePayloadNeedsWrapping(typeof(T), Envelope));
        }

        return new InboundContract<T>(this, key, new ValuePayloadReader<T, TValue>(GetTypeInfo<TValue>(), create), null, handler);
    }

    /// <summary>Describes the record the members beside a received message's payload are read into.</summary>
    /// <typeparam name="TEnvelope">The envelope record.</typeparam>
    /// <returns>The contract, for <see cref="InboundContext.ReadEnvelope{TEnvelope}"/>.</returns>
    /// <exception cref="InvalidOperationException">The serializer has no metadata for <typeparamref name="TEnvelope"/>.</exception>
    public EnvelopeContract<TEnvelope> EnvelopeRecord<TEnvelope>() => new(GetTypeInfo<TEnvelope>(), _shapes?.Find<TEnvelope>(), SerializerOptions);

    /// <summary>
    /// Describes the message a server answers failed requests with: a message with this key carrying the id of a
    /// waiting request (see <see cref="Request{TRequest, TResponse}"/>) ends it with a
    /// <see cref="WebSocketResponseException{TError}"/> carrying the error.
    /// </summary>
    /// <typeparam name="TError">The error message, read like a response.</typeparam>
    /// <param name="key">The error message's discriminator (and second-level value).</param>
    /// <returns>The contract.</returns>
    /// <exception cref="InvalidOperationException">The serializer has no metadata for <typeparamref name="TError"/>.</exception>
    public ErrorResponseContract ErrorResponse<TError>(MessageKey key)
        where TError : class
    {
        if (key.IsPattern)
        {
            throw new ArgumentException($"The error response key {key.ToDisplayString()} is a pattern; it is matched by an exact value.", nameof(key));
        }

        return new ErrorResponseContract<TError>(this, key, GetTypeInfo<TError>(), _shapes?.Find<TError>());
    }

    /// <summary>Creates the router that dispatches received messages to <paramref name="contracts"/>.</summary>
    /// <param name="contracts">The received contracts, made by <see cref="Inbound{T}"/> of this protocol; none is allowed.</param>
    /// <returns>The router.</returns>
    /// <exception cref="ArgumentException">
    /// Two contracts share a key, the contracts mix string and integer values at one level, a key does not fit the
    /// envelope's routes, or a contract belongs to another protocol.
    /// </exception>
    public InboundRouter CreateRouter(params InboundContract[] contracts)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        return new InboundRouter(this, (InboundContract[])contracts.Clone());
    }

    /// <inheritdoc />
    public override string ToString() => $"{Envelope}, {_contextName ?? "reflection"}";

    private OutboundContract<T> CreateOutbound<T>(MessageKey key, PayloadWriter<T> payload, bool withId)
    {
        var template = Layout.Template(key, withId: false);
        Check(template, payload);
        OutboundTemplate? templateWithId = null;
        if (Envelope.RequestId is not null)
        {
            templateWithId = Layout.Template(key, withId: true);
            if (withId)
            {
                Check(templateWithId, payload);
            }
        }

        return new OutboundContract<T>(this, key, payload, template, templateWithId);

        void Check(OutboundTemplate template, PayloadWriter<T> payload)
        {
            if (!template.MergesPayload)
            {
                return;
            }

            if (payload.IsValue)
            {
                throw new InvalidOperationException(MessageErrors.ValuePayloadNeedsWrapping(typeof(T), Envelope));
            }

            var typeInfo = payload.TypeInfo;
            if (template.MergesIntoRoot)
            {
                EnsureFlatObject(typeInfo);
            }
            else if (typeInfo.Kind == JsonTypeInfoKind.Enumerable)
            {
                throw new InvalidOperationException(RequestErrors.PayloadNotAnObject(typeof(T), "[]"u8, Envelope));
            }

            foreach (var name in template.MergedNames)
            {
                if (!HasProperty(typeInfo, name))
                {
                    continue;
                }

                if (Envelope.RequestId is { } id && name == id.Property && template.HasId)
                {
                    throw new InvalidOperationException(RequestErrors.PropertyNamedLikeId(typeof(T), name));
                }

                throw new InvalidOperationException(template.MergesIntoRoot && name == Envelope.DiscriminatorProperty
                    ? $"{typeof(T)} has a JSON property named '{name}', the discriminator property of this flat envelope, so each message would carry it twice. Rename it ([JsonPropertyName]) or leave it out ([JsonIgnore])."
                    : $"{typeof(T)} has a JSON property named '{name}', which the envelope also writes where the message's members go, so each message would carry it twice. Rename it ([JsonPropertyName]) or leave it out ([JsonIgnore]).");
            }
        }
    }

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
            // A [JsonIgnore] member stays in the list without a getter: it is never written.
            if (property.Get is not null && string.Equals(property.Name, name, StringComparison.Ordinal))
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
}
