using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CpWebSocket.Messaging;

namespace CpWebSocket.Testing.Wire;

/// <summary>
/// A client's protocol from the server's side: writes the messages the client receives, reads the messages it sends,
/// in the client's envelope (discriminators at one or two levels, flat or wrapped payloads, value payloads, constants,
/// request ids) and with its serializer settings. Built on System.Text.Json's document model, apart from the client's own
/// encoder and router, so that a test checks the client against the wire format rather than against itself.
/// </summary>
internal sealed class PeerCodec
{
    private readonly MessageEnvelope _envelope;
    private readonly string[] _discriminator;
    private readonly string[]? _payload;
    private readonly string[]? _requestId;
    private readonly Dictionary<MessageDiscriminator, Route> _routes = [];
    private readonly List<(string[] Path, JsonValue Value)> _constants = [];
    private readonly JsonWriterOptions _writerOptions;
    private readonly JsonDocumentOptions _documentOptions;

    public PeerCodec(MessageProtocol protocol)
    {
        _envelope = protocol.Envelope;
        _discriminator = [_envelope.DiscriminatorProperty];
        _payload = _envelope.PayloadProperty is { } payload ? [payload] : null;
        if (_envelope.RequestId is { } id)
        {
            _requestId = _envelope.IsWrapped && id.Location == RequestIdLocation.Payload ? [_envelope.PayloadProperty!, id.Property] : [id.Property];
        }

        foreach (var route in _envelope.Routes)
        {
            _routes[route.Discriminator] = new Route(JsonPaths.Split(route.By), route.Payload is { } path ? JsonPaths.Split(path) : _payload);
        }

        foreach (var constant in _envelope.Constants)
        {
            _constants.Add((JsonPaths.Split(constant.Property), Constant(constant.Value)));
        }

        // The client's settings, and metadata by reflection for what its context does not know (an envelope's members
        // given as an anonymous object, a response type of the test's own).
        var options = new JsonSerializerOptions(protocol.SerializerOptions)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine(protocol.SerializerOptions.TypeInfoResolver, new DefaultJsonTypeInfoResolver()),
        };
        options.MakeReadOnly();
        Options = options;
        _writerOptions = new JsonWriterOptions { Encoder = options.Encoder };
        _documentOptions = new JsonDocumentOptions
        {
            MaxDepth = options.MaxDepth,
            AllowTrailingCommas = options.AllowTrailingCommas,
            CommentHandling = options.ReadCommentHandling,
        };
    }

    /// <summary>The client's serializer settings, able to serialize any type.</summary>
    public JsonSerializerOptions Options { get; }

    /// <summary>The client's envelope.</summary>
    public MessageEnvelope Envelope => _envelope;

    /// <summary>
    /// Lays out one message the client receives: constants, the discriminator and the route's value, the request id
    /// (for a response), the payload, then the members of <see cref="PeerSendOptions.Envelope"/> that the message does not
    /// hold yet.
    /// </summary>
    /// <param name="message">The message.</param>
    /// <param name="type">Its contract type.</param>
    /// <param name="key">Its key; <see langword="null"/> for a response without a discriminator, whose members stand at the root.</param>
    /// <param name="options">The second-level value and the members beside the payload.</param>
    /// <param name="requestId">The id of the request it answers, or <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The key, the second-level value or the envelope's members do not fit the envelope.</exception>
    public JsonObject Build(object? message, Type type, MessageKey? key, PeerSendOptions? options, JsonNode? requestId)
    {
        var root = new JsonObject();
        foreach (var (path, value) in _constants)
        {
            JsonPaths.Set(root, path, value.DeepClone());
        }

        string[]? payloadPath = null;
        if (key is { } k)
        {
            root[_envelope.DiscriminatorProperty] = Value(k.Discriminator);
            payloadPath = _payload;
            if (_routes.TryGetValue(k.Discriminator, out var route))
            {
                var second = options?.SecondDiscriminator ?? k.Second
                    ?? throw new ArgumentException($"The envelope routes {ContractKeys.Display(k.Discriminator)} further, but {TypeDisplay.Of(type)} has no second-level value in its [Message].", nameof(key));
                if (options?.SecondDiscriminator is null && k.IsPattern)
                {
                    throw new ArgumentException(
                        $"{TypeDisplay.Of(type)} is received as {ContractKeys.Display(k)}, a pattern: set PeerSendOptions.SecondDiscriminator to the value to send, such as \"{second.StringValue![..^1]}example\".",
                        nameof(options));
                }

                JsonPaths.Set(root, route.By, Value(second));
                payloadPath = route.Payload;
            }
            else if (options?.SecondDiscriminator is { } second)
            {
                throw new ArgumentException($"The envelope does not route {ContractKeys.Display(k.Discriminator)} further, so a message of it has no second-level value ({ContractKeys.Display(second)}).", nameof(options));
            }
        }

        if (requestId is not null && _requestId is not null)
        {
            JsonPaths.Set(root, _requestId, requestId.DeepClone());
        }

        var payload = JsonSerializer.SerializeToNode(message, type, Options);
        if (payloadPath is not null && PayloadValues.JsonNameOf(type, Options) is { } member)
        {
            // {"op":1,"d":251}: the payload is the marked member's value.
            var members = payload as JsonObject;
            payload = members?[member];
            members?.Remove(member);
        }

        try
        {
            if (payloadPath is null)
            {
                JsonPaths.Merge(root, payload as JsonObject
                    ?? throw new ArgumentException($"{TypeDisplay.Of(type)} serializes as {Kind(payload)}, but its members stand beside the envelope's, so it must be a JSON object.", nameof(message)));
            }
            else
            {
                JsonPaths.Set(root, payloadPath, payload);
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new ArgumentException($"{TypeDisplay.Of(type)} does not fit the envelope: {ex.Message}", nameof(message), ex);
        }

        if (options?.Envelope is { } envelope)
        {
            var extra = envelope is JsonObject given
                ? (JsonObject)given.DeepClone()
                : JsonSerializer.SerializeToNode(envelope, envelope.GetType(), Options) as JsonObject
                    ?? throw new ArgumentException($"The envelope's members, a {TypeDisplay.Of(envelope.GetType())}, do not serialize as a JSON object.", nameof(options));
            foreach (var (name, value) in extra.ToList())
            {
                if (!root.ContainsKey(name))
                {
                    extra.Remove(name);
                    root[name] = value;
                }
            }
        }

        return root;
    }

    /// <summary>Writes <paramref name="node"/> as compact UTF-8 JSON, escaped as the client's settings escape.</summary>
    public byte[] Write(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, _writerOptions))
        {
            node.WriteTo(writer, Options);
        }

        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Reads a text message the client sent: its discriminators and request id, wherever the envelope puts them.</summary>
    public ClientMessage Read(ReadOnlyMemory<byte> utf8)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(utf8.Span, documentOptions: _documentOptions);
        }
        catch (JsonException ex)
        {
            return new ClientMessage(utf8, null, ex.Message, null, null, null);
        }

        var first = Discriminator(JsonPaths.Find(root, _discriminator));
        var second = first is { } value && _routes.TryGetValue(value, out var route) ? Discriminator(JsonPaths.Find(root, route.By)) : null;
        var id = _requestId is null ? null : JsonPaths.Find(root, _requestId);
        return new ClientMessage(utf8, root, null, first, second, id);
    }

    /// <summary>
    /// Reads the record of a message that stands under <paramref name="key"/>: its payload (the whole message, when flat,
    /// less the envelope's own members), or <c>{}</c> when the payload is absent or <c>null</c>, as the client reads it.
    /// </summary>
    /// <exception cref="JsonException">The payload does not fit <typeparamref name="T"/>.</exception>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> cannot be deserialized.</exception>
    public T? ReadPayload<T>(ClientMessage message, MessageKey key)
    {
        var route = _routes.GetValueOrDefault(key.Discriminator);
        var payloadPath = route is not null ? route.Payload : _payload;
        var payload = (payloadPath is null ? message.Root : JsonPaths.Find(message.Root, payloadPath))?.DeepClone();

        // The envelope's members that stand inside the payload (the id of a request, a second level, a flat message's
        // discriminator) are not the record's.
        var inside = payloadPath ?? [];
        foreach (var path in EnvelopePaths(route))
        {
            if (payload is not null && JsonPaths.IsInside(path, inside))
            {
                JsonPaths.Remove(payload, path[inside.Length..]);
            }
        }

        if (payloadPath is not null && PayloadValues.JsonNameOf(typeof(T), Options) is { } member)
        {
            payload = new JsonObject { [member] = payload };
        }

        payload ??= new JsonObject();
        return payload.Deserialize((JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));
    }

    private IEnumerable<string[]> EnvelopePaths(Route? route)
    {
        yield return _discriminator;
        if (route is not null)
        {
            yield return route.By;
        }

        if (_requestId is not null)
        {
            yield return _requestId;
        }

        foreach (var (path, _) in _constants)
        {
            yield return path;
        }
    }

    private static JsonValue Value(MessageDiscriminator value) =>
        value.IsString ? JsonValue.Create(value.StringValue!) : JsonValue.Create(value.IntegerValue);

    private static JsonValue Constant(object value) => value switch
    {
        string text => JsonValue.Create(text),
        bool flag => JsonValue.Create(flag),
        _ => JsonValue.Create(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
    };

    private static MessageDiscriminator? Discriminator(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => new MessageDiscriminator(value.GetValue<string>()),
            JsonValueKind.Number when value.TryGetValue(out long number) => new MessageDiscriminator(number),
            _ => (MessageDiscriminator?)null,
        };
    }

    private static string Kind(JsonNode? node) => node?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Array => "a JSON array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => "a boolean",
    };

    /// <summary>Where a routed first level keeps its second value and its payload.</summary>
    private sealed record Route(string[] By, string[]? Payload);
}
