using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CpWebSocket.Messaging.Layout;

/// <summary>
/// The message-format seam of a protocol: every path its envelope reads (the discriminator, the payload, the request
/// id, each route's second-level value and payload) compiled into one tree of watched names with a slot each, read by
/// <see cref="EnvelopeScanner"/> in one pass; and the templates sent messages are written from. Built once per
/// protocol; throws <see cref="ArgumentException"/> for routes and constants that contradict the envelope.
/// </summary>
internal sealed class EnvelopeLayout
{
    /// <summary>The slot of the first-level discriminator.</summary>
    public const int DiscriminatorSlot = 0;

    private readonly MessageEnvelope _envelope;
    private readonly JavaScriptEncoder? _encoder;
    private readonly List<string> _slotPaths = [];
    private readonly List<PathNode> _nodes = [];
    private readonly Dictionary<MessageDiscriminator, RouteLayout> _routes = [];
    private readonly string[]? _payload;
    private readonly string[]? _requestId;

    public EnvelopeLayout(MessageEnvelope envelope, JavaScriptEncoder? encoder)
    {
        _envelope = envelope;
        _encoder = encoder;
        Root = new PathNode(string.Empty, 0);
        _nodes.Add(Root);

        Slot([envelope.DiscriminatorProperty]);
        if (envelope.PayloadProperty is { } payload)
        {
            _payload = [payload];
            PayloadSlot = Slot(_payload, payload: true);
        }

        if (envelope.RequestId is { } requestId)
        {
            _requestId = envelope.RequestIdInPayload ? [envelope.PayloadProperty!, requestId.Property] : [requestId.Property];
            RequestIdSlot = Slot(_requestId);
        }

        foreach (var route in envelope.Routes ?? [])
        {
            ArgumentNullException.ThrowIfNull(route, nameof(envelope));
            AddRoute(route);
        }

        foreach (var constant in envelope.Constants ?? [])
        {
            ArgumentNullException.ThrowIfNull(constant, nameof(envelope));
            CheckConstant(constant);
        }

        IsShallow = Root.Children.ToArray().All(child => !child.HasChildren) && PayloadSlot < 0 && _routes.Values.All(r => r.PayloadSlot < 0);
        StackSize = 2 * (_slotPaths.Max(path => path.Split('.').Length) + 1);
    }

    /// <summary>The watched names at the root of a message.</summary>
    public PathNode Root { get; }

    /// <summary>How many slots a scan fills.</summary>
    public int SlotCount => _slotPaths.Count;

    /// <summary>The slot of the envelope's payload, or -1 for a flat envelope (the payload is the whole message).</summary>
    public int PayloadSlot { get; } = -1;

    /// <summary>The slot of the request id, or -1 for an envelope without requests.</summary>
    public int RequestIdSlot { get; } = -1;

    /// <summary>Whether every watched member stands at the root, so a scan may stop at the discriminator.</summary>
    public bool IsShallow { get; }

    /// <summary>The length of the scratch a scan keeps its entered objects in.</summary>
    public int StackSize { get; }

    /// <summary>A node by its <see cref="PathNode.Index"/>.</summary>
    public PathNode Node(int index) => _nodes[index];

    /// <summary>The dotted path a slot records, for messages.</summary>
    public string PathOf(int slot) => _slotPaths[slot];

    /// <summary>The route of a first-level value, or <see langword="null"/>.</summary>
    public RouteLayout? RouteOf(MessageDiscriminator discriminator) => _routes.GetValueOrDefault(discriminator);

    /// <summary>The routes, by first-level value.</summary>
    public IReadOnlyDictionary<MessageDiscriminator, RouteLayout> Routes => _routes;

    /// <summary>
    /// Builds the template of a sent contract: constants, the discriminator(s), the request id when
    /// <paramref name="withId"/>, and the payload last, each at its path.
    /// </summary>
    /// <exception cref="ArgumentException">The key names a second level its first level has no route for, or the reverse; or it is a pattern.</exception>
    public OutboundTemplate Template(MessageKey key, bool withId)
    {
        var route = RouteOf(key.Discriminator);
        if (key.Second is { } second)
        {
            if (route is null)
            {
                throw new ArgumentException($"The key {key.ToDisplayString()} has a second level, but the envelope has no route for {key.Discriminator.ToDisplayString()}; add a MessageRoute for it, or send a one-level key.", nameof(key));
            }

            if (key.IsPattern)
            {
                throw new ArgumentException($"The key {key.ToDisplayString()} is a pattern; a sent message needs an exact value.", nameof(key));
            }
        }
        else if (route is not null)
        {
            throw new ArgumentException($"The envelope routes {key.Discriminator.ToDisplayString()} by '{route.Route.By}', so a message of it needs a second-level value as well.", nameof(key));
        }

        var root = new TemplateNode(string.Empty);
        foreach (var constant in _envelope.Constants ?? [])
        {
            root.Add(JsonPath.Split(constant.Property), TemplateNode.ForLiteral(EncodeValue(constant.Value)));
        }

        root.Add([_envelope.DiscriminatorProperty], TemplateNode.ForLiteral(EncodeValue(key.Discriminator)));
        if (route is not null)
        {
            root.Add(route.By, TemplateNode.ForLiteral(EncodeValue(key.Second!.Value)));
        }

        if (withId)
        {
            root.Add(_requestId!, TemplateNode.ForId());
        }

        var payloadPath = route is not null ? route.Payload : _payload;
        var payload = payloadPath is null ? root : root.Find(payloadPath);
        TemplateNode? merged = null;
        if (payload is { Kind: TemplateKind.Object })
        {
            merged = payload;
            payload.PayloadLast = true;
        }
        else if (payload is not null)
        {
            throw new ArgumentException($"The payload path '{JsonPath.Join(payloadPath!)}' is also where another member of the envelope is written.", nameof(key));
        }
        else
        {
            root.Add(payloadPath!, TemplateNode.ForPayload());
        }

        var writer = new TemplateWriter(_encoder);
        writer.Write(root);
        return writer.Finish(
            withId,
            merged is not null,
            ReferenceEquals(merged, root),
            merged is null ? [] : merged.ChildNames);
    }

    private int Slot(string[] path, bool payload = false)
    {
        var node = Root;
        foreach (var name in path)
        {
            node = node.GetOrAdd(name, _nodes);
        }

        node.IsPayload |= payload;

        if (node.Slot < 0)
        {
            node.Slot = _slotPaths.Count;
            _slotPaths.Add(JsonPath.Join(path));
        }

        return node.Slot;
    }

    private void AddRoute(MessageRoute route)
    {
        if (_routes.ContainsKey(route.Discriminator))
        {
            throw new ArgumentException($"The envelope has two routes for {route.Discriminator.ToDisplayString()}; a first-level value is routed by one second-level value.", nameof(route));
        }

        var by = JsonPath.Split(route.By);
        var payload = route.Payload is { } path ? JsonPath.Split(path) : _payload;
        if (by is [var single] && single == _envelope.DiscriminatorProperty)
        {
            throw new ArgumentException($"The route of {route.Discriminator.ToDisplayString()} reads its second level from '{route.By}', the first-level discriminator itself.", nameof(route));
        }

        if (payload is not null && by.Length <= payload.Length && by.AsSpan().SequenceEqual(payload.AsSpan(0, by.Length)))
        {
            throw new ArgumentException($"The route of {route.Discriminator.ToDisplayString()} reads its second level from '{route.By}', which is its payload '{JsonPath.Join(payload)}' or contains it; the two need separate places.", nameof(route));
        }

        var bySlot = Slot(by);
        var payloadSlot = payload is null ? -1 : Slot(payload, payload: true);
        _routes.Add(route.Discriminator, new RouteLayout(route, by, bySlot, payload, payloadSlot));
    }

    private void CheckConstant(MessageConstant constant)
    {
        var path = JsonPath.Split(constant.Property);
        var taken = new List<string[]> { new[] { _envelope.DiscriminatorProperty } };
        if (_payload is not null)
        {
            taken.Add(_payload);
        }

        if (_requestId is not null)
        {
            taken.Add(_requestId);
        }

        foreach (var other in taken)
        {
            var shorter = Math.Min(other.Length, path.Length);
            if (other.AsSpan(0, shorter).SequenceEqual(path.AsSpan(0, shorter)))
            {
                throw new ArgumentException($"The constant member '{constant.Property}' stands where the envelope writes '{JsonPath.Join(other)}'; give it a place of its own.", nameof(constant));
            }
        }
    }

    private byte[] EncodeValue(object value) => value switch
    {
        string text => Quote(text),
        bool flag => flag ? "true"u8.ToArray() : "false"u8.ToArray(),
        MessageDiscriminator { IsString: true } discriminator => Quote(discriminator.StringValue!),
        MessageDiscriminator discriminator => Encoding.UTF8.GetBytes(discriminator.IntegerValue.ToString(CultureInfo.InvariantCulture)),
        _ => Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture)!),
    };

    private byte[] Quote(string text) => [(byte)'"', .. JsonEncodedText.Encode(text, _encoder).EncodedUtf8Bytes, (byte)'"'];
}
