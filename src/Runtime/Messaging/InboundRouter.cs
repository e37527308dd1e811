using System.Collections.ObjectModel;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CpWebSocket.Messaging.Layout;

namespace CpWebSocket.Messaging;

/// <summary>
/// Routes received text messages to the <see cref="InboundContract"/> their discriminator names (and, for a routed
/// first level, their second-level value), and hands responses to the requests that wait for them, straight from their
/// UTF-8 bytes: one reader pass records every member the envelope watches (<see cref="EnvelopeLayout"/>), table lookups
/// find the contract without allocating, and the record is deserialized once. A flat one-level message's pass ends at a
/// matching discriminator (unless the rest could name it again): the deserializer reads the rest. Create it with
/// <see cref="MessageProtocol.CreateRouter"/>; it is immutable and thread-safe.
/// </summary>
/// <remarks>Plumbing of generated clients, hidden from IntelliSense; a hand-written client may use it too.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed partial class InboundRouter
{
    private readonly MessageProtocol _protocol;
    private readonly EnvelopeLayout _layout;
    private readonly JsonReaderOptions _readerOptions;
    private readonly byte[] _quotedDiscriminatorProperty;
    private readonly DiscriminatorLookup<FirstLevel> _first;

    // Whether a message may be routed by its leading bytes (see FindLeading): a flat envelope with string discriminators.
    private readonly bool _leading;

    // Of a shallow envelope, every watched name quoted ("type", "id"): a pass that found them all may stop when the
    // rest of the message contains none of them and no escape (see MayRepeatWatched). Empty for other envelopes.
    private readonly byte[][] _quotedWatchedNames;

    internal InboundRouter(MessageProtocol protocol, InboundContract[] contracts)
    {
        _protocol = protocol;
        _layout = protocol.Layout;
        _readerOptions = protocol.ReaderOptions;
        _quotedDiscriminatorProperty = [(byte)'"', .. protocol.DiscriminatorPropertyUtf8, (byte)'"'];
        Contracts = new ReadOnlyCollection<InboundContract>(contracts);

        var levels = new Dictionary<MessageDiscriminator, (FirstLevel Level, List<InboundContract> Seconds)>();
        foreach (var route in _layout.Routes.Values)
        {
            levels[route.Route.Discriminator] = (new FirstLevel(route), []);
        }

        var seen = new Dictionary<MessageKey, InboundContract>();
        foreach (var contract in contracts)
        {
            if (contract is null)
            {
                throw new ArgumentException("The inbound contracts contain null.", nameof(contracts));
            }

            if (contract.Protocol != protocol)
            {
                throw new ArgumentException(
                    $"The inbound contract for {contract.MessageType} belongs to another MessageProtocol; create every contract of a router with the protocol that creates the router.",
                    nameof(contracts));
            }

            if (seen.TryGetValue(contract.Key, out var other))
            {
                throw new ArgumentException(
                    $"The inbound contracts for {other.MessageType} and {contract.MessageType} both use the key {contract.Key.ToDisplayString()}; each received type needs its own.",
                    nameof(contracts));
            }

            seen.Add(contract.Key, contract);
            if (!levels.TryGetValue(contract.Discriminator, out var level))
            {
                levels.Add(contract.Discriminator, (new FirstLevel(contract), []));
            }
            else
            {
                level.Seconds.Add(contract);
            }
        }

        _first = new DiscriminatorLookup<FirstLevel>(
            [.. levels.Select(pair => (pair.Key, false, pair.Value.Level))],
            KindOf(levels.Keys, key => key, "first-level discriminators", contracts));
        foreach (var (level, seconds) in levels.Values)
        {
            if (level.Route is { } route)
            {
                level.Seconds = new DiscriminatorLookup<InboundContract>(
                    [.. seconds.Select(c => (c.Key.Second!.Value, c.Key.IsPattern, c))],
                    KindOf(seconds, c => c.Key.Second!.Value, $"second-level values of {route.Route.Discriminator.ToDisplayString()}", contracts));
            }
        }

        _leading = _layout.IsShallow && _first.IsString == true;
        _quotedWatchedNames = _layout.IsShallow ? [.. _layout.Root.Children.ToArray().Select(child => (byte[])[(byte)'"', .. child.NameUtf8, (byte)'"'])] : [];
    }

    /// <summary>The contracts messages are routed to.</summary>
    public IReadOnlyList<InboundContract> Contracts { get; }

    /// <summary>The envelope received messages are read with.</summary>
    public MessageEnvelope Envelope => _protocol.Envelope;

    /// <summary>The protocol whose contracts this router dispatches to.</summary>
    internal MessageProtocol Protocol => _protocol;

    /// <summary>
    /// Finds the contract of a received text message (one JSON object), deserializes it and starts its handler; or
    /// completes the request it answers. Never throws for a bad message: every failure is an outcome. Allocates nothing
    /// beyond the deserialized message on success.
    /// </summary>
    /// <param name="client">Passed to the handler; its waiting requests are looked up.</param>
    /// <param name="message">The message's UTF-8 bytes.</param>
    /// <param name="cancellationToken">Passed to the handler.</param>
    internal InboundOutcome Route(MessageClient client, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (_leading && !MayAnswer(client) && FindLeading(message.Span) is { } contract)
        {
            return DeliverWhole(contract, client, message, cancellationToken);
        }

        return RouteCore(client, message, readInPlace: true, cancellationToken);
    }

    /// <summary>
    /// Routes a message again after <see cref="InboundContract.ReadAndDeliver"/> could not read its payload in place: a
    /// full pass, whose outcome says what was wrong as it always does. Paid only by messages that fail.
    /// </summary>
    internal InboundOutcome RouteAgain(MessageClient client, ReadOnlyMemory<byte> message, CancellationToken cancellationToken) =>
        RouteCore(client, message, readInPlace: false, cancellationToken);

    // Not inlined: its frame (the scanner, the slots) would otherwise be set up for every message, leading ones too.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private InboundOutcome RouteCore(MessageClient client, ReadOnlyMemory<byte> message, bool readInPlace, CancellationToken cancellationToken)
    {
        var json = message.Span;

        // Fixed-size room on the stack (see SlotSpace); real envelopes watch a handful of members, a few levels deep.
        var slotSpace = default(SlotSpace);
        var depthSpace = default(DepthSpace);
        var slots = _layout.SlotCount <= SlotSpace.Length ? ((Span<FieldSlot>)slotSpace)[.._layout.SlotCount] : new FieldSlot[_layout.SlotCount];
        var stack = _layout.StackSize <= DepthSpace.Length ? ((Span<int>)depthSpace)[.._layout.StackSize] : new int[_layout.StackSize];
        var awaitingResponses = MayAnswer(client);

        // A message that may answer a request is read whole first; any other has its contract found as the pass goes, so
        // that its payload, once reached, is deserialized in place instead of being skipped and read again.
        readInPlace &= !awaitingResponses;
        FirstLevel? level = null;
        InboundContract? known = null;
        var stoppedEarly = false;
        try
        {
            var scanner = new EnvelopeScanner(json, _readerOptions, _layout, slots, stack);
            var token = scanner.Start();
            if (token != JsonTokenType.StartObject)
            {
                return NotAnObject(token, json);
            }

            while (true)
            {
                var found = scanner.Next(out var slot);
                if (found == ScanEvent.End)
                {
                    break;
                }

                if (found == ScanEvent.Payload)
                {
                    if (readInPlace && known is not null && known.PayloadSlot == slot && !slots[slot].IsPresent && scanner.Reader.TokenType != JsonTokenType.Null)
                    {
                        return known.ReadAndDeliver(client, message, ref scanner, this, cancellationToken);
                    }

                    scanner.SkipValue();
                    continue;
                }

                if (!readInPlace && !_layout.IsShallow)
                {
                    continue; // everything is resolved once the pass is over
                }

                if (slot == EnvelopeLayout.DiscriminatorSlot && !slots[slot].Repeated)
                {
                    known = _first.Find(json, slots[slot], out level) == LookupStatus.Found ? level?.Contract : null;
                    if (level?.Route is { } route && slots[route.BySlot] is { IsPresent: true, Repeated: false } second)
                    {
                        level.Seconds!.Find(json, second, out known);
                    }

                    // Flat and one level: deserializing reads the whole message anyway, so the pass may stop here.
                    if (_layout.IsShallow && !awaitingResponses && known is not null && level!.Route is null && !MayRepeatDiscriminator(json[(int)scanner.Consumed..]))
                    {
                        stoppedEarly = true;
                        break;
                    }
                }
                else if (level?.Route is { } route && slot == route.BySlot && !slots[slot].Repeated)
                {
                    level.Seconds!.Find(json, slots[slot], out known);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string that does not decode (an escaped lone surrogate, invalid UTF-8).
            return InvalidJson(ex, json);
        }

        if (stoppedEarly)
        {
            // Found and unambiguous (checked before stopping), one level, flat: the whole message is the record.
            return DeliverWhole(known!, client, message, cancellationToken);
        }

        return Resolve(client, message, slots, awaitingResponses, cancellationToken);
    }

    /// <summary>Whether a message may be the response of a waiting request: it must then be read whole before routing.</summary>
    private bool MayAnswer(MessageClient client) => _layout.RequestIdSlot >= 0 && client.Requests.Count > 0;

    /// <summary>
    /// The contract of a flat message that opens with its discriminator, found from its leading bytes without a reader:
    /// <c>{"type":"value"</c> (whitespace allowed between the tokens), the value free of escapes, naming a one-level
    /// contract, and the rest of the message unable to name the discriminator again. <see langword="null"/> for any other
    /// message, which the full pass routes. What is not checked here (the rest of the message being JSON) the
    /// deserializer checks, reading the whole message; a failure there gets the full pass's words (see
    /// <see cref="DeliverWhole"/>).
    /// </summary>
    private InboundContract? FindLeading(ReadOnlySpan<byte> json)
    {
        var at = SkipSpace(json, 0);
        if (at >= json.Length || json[at] != (byte)'{')
        {
            return null;
        }

        at = SkipSpace(json, at + 1);
        if (!json[at..].StartsWith(_quotedDiscriminatorProperty))
        {
            return null;
        }

        at = SkipSpace(json, at + _quotedDiscriminatorProperty.Length);
        if (at >= json.Length || json[at] != (byte)':')
        {
            return null;
        }

        at = SkipSpace(json, at + 1);
        if (at >= json.Length || json[at] != (byte)'"')
        {
            return null;
        }

        var value = json[(at + 1)..];
        var end = value.IndexOfAny((byte)'"', (byte)'\\');
        if (end < 0 || value[end] != (byte)'"')
        {
            return null;
        }

        return _first.FindUnescaped(value[..end])?.Contract is { } contract && !MayRepeatDiscriminator(value[(end + 1)..]) ? contract : null;
    }

    /// <summary>The index of the first byte at or after <paramref name="at"/> that is not JSON whitespace.</summary>
    private static int SkipSpace(ReadOnlySpan<byte> json, int at)
    {
        while (at < json.Length && json[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
        {
            at++;
        }

        return at;
    }

    /// <summary>Delivers a flat message whose contract is known and unambiguous: the whole message is the record.</summary>
    private InboundOutcome DeliverWhole(InboundContract contract, MessageClient client, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var outcome = contract.Deliver(client, message, message.Span, present: true, cancellationToken);
        return outcome.Kind == InboundOutcomeKind.Failed ? ClassifyFailure(outcome, message.Span) : outcome;
    }

    /// <summary>After the pass: the request the message answers, or the contract it names, or what is wrong with it.</summary>
    private InboundOutcome Resolve(MessageClient client, ReadOnlyMemory<byte> message, ReadOnlySpan<FieldSlot> slots, bool awaitingResponses, CancellationToken cancellationToken)
    {
        var json = message.Span;
        var first = slots[EnvelopeLayout.DiscriminatorSlot];
        if (first.Repeated)
        {
            return InboundOutcome.Failed(MessageErrors.RepeatedMember(Envelope.DiscriminatorProperty, routing: true, json));
        }

        if (_layout.PayloadSlot >= 0 && slots[_layout.PayloadSlot].Repeated)
        {
            return InboundOutcome.Failed(MessageErrors.RepeatedMember(Envelope.PayloadProperty!, routing: false, json));
        }

        long? requestId = null;
        if (_layout.RequestIdSlot >= 0 && slots[_layout.RequestIdSlot] is { IsPresent: true, Repeated: false } idSlot && SlotValue.TryGetId(json, idSlot, out var id))
        {
            requestId = id;
            if (awaitingResponses && TryAnswer(client.Requests, id, json, slots))
            {
                return InboundOutcome.Response;
            }
        }

        if (!first.IsPresent)
        {
            // A message without a discriminator that carries a request id is a response no request waits for (any more).
            return requestId is { } late
                ? InboundOutcome.Unhandled(null, null, late)
                : InboundOutcome.Failed(MessageErrors.MissingDiscriminator(Envelope, json));
        }

        switch (_first.Find(json, first, out var level))
        {
            case LookupStatus.WrongType:
                return InboundOutcome.Failed(MessageErrors.DiscriminatorOfWrongType(first.Token, Envelope, json));
            case LookupStatus.NotAnInteger:
                return InboundOutcome.Failed(MessageErrors.DiscriminatorNotAnInteger(Envelope, json));
            case LookupStatus.WrongKind:
                return InboundOutcome.Failed(MessageErrors.DiscriminatorOfWrongKind(first.Token == JsonTokenType.String, Envelope, json));
        }

        if (level is null)
        {
            return Unhandled(json, first, FieldSlot.Absent);
        }

        var contract = level.Contract;
        if (level.Route is { } routed)
        {
            var second = slots[routed.BySlot];
            if (second.Repeated)
            {
                return InboundOutcome.Failed(MessageErrors.RepeatedMember(routed.Route.By, routing: true, json));
            }

            contract = null;
            if (second.IsPresent)
            {
                level.Seconds!.Find(json, second, out contract);
            }

            if (contract is null)
            {
                return Unhandled(json, first, second);
            }
        }

        if (contract!.PayloadSlot < 0)
        {
            // The whole message is the payload: the envelope's members are properties the contract type does not map.
            return contract.Deliver(client, message, json, present: true, cancellationToken);
        }

        var payload = slots[contract.PayloadSlot];
        if (payload.Repeated)
        {
            return InboundOutcome.Failed(MessageErrors.RepeatedMember(_layout.PathOf(contract.PayloadSlot), routing: false, json));
        }

        return payload.HasValue
            ? contract.Deliver(client, message, SlotValue.Raw(json, payload), present: true, cancellationToken)
            : contract.Deliver(client, message, default, present: false, cancellationToken);
    }

    /// <summary>
    /// After a payload was read in place and the pass finished: the member that names or holds the message twice, as an
    /// error, or <see langword="null"/> when the message is unambiguous.
    /// </summary>
    internal InboundOutcome? FindRepeat(ReadOnlySpan<byte> json, ReadOnlySpan<FieldSlot> slots, InboundContract contract)
    {
        if (slots[EnvelopeLayout.DiscriminatorSlot].Repeated)
        {
            return InboundOutcome.Failed(MessageErrors.RepeatedMember(Envelope.DiscriminatorProperty, routing: true, json));
        }

        if (_layout.PayloadSlot >= 0 && slots[_layout.PayloadSlot].Repeated)
        {
            return InboundOutcome.Failed(MessageErrors.RepeatedMember(Envelope.PayloadProperty!, routing: false, json));
        }

        if (contract.Route is { } route && slots[route.BySlot].Repeated)
        {
            return InboundOutcome.Failed(MessageErrors.RepeatedMember(route.Route.By, routing: true, json));
        }

        return slots[contract.PayloadSlot].Repeated
            ? InboundOutcome.Failed(MessageErrors.RepeatedMember(_layout.PathOf(contract.PayloadSlot), routing: false, json))
            : null;
    }

    /// <summary>The first token is not '{' (rare, so kept out of the router's frame).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private InboundOutcome NotAnObject(JsonTokenType token, ReadOnlySpan<byte> json) =>
        InboundOutcome.Failed(MessageErrors.NotAnObject(token, Envelope, json));

    /// <summary>The message is not JSON (rare, so kept out of the router's frame).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static InboundOutcome InvalidJson(Exception ex, ReadOnlySpan<byte> json) =>
        InboundOutcome.Failed(MessageErrors.InvalidJson(ex, json));

    /// <summary>Completes the waiting request <paramref name="id"/> when the message can be its response.</summary>
    private bool TryAnswer(RequestRegistry requests, long id, ReadOnlySpan<byte> json, ReadOnlySpan<FieldSlot> slots)
    {
        if (!requests.TryGet(id, out var pending))
        {
            return false;
        }

        var kind = pending!.Match.Match(json, slots);
        if (kind == ResponseKind.None)
        {
            var first = slots[EnvelopeLayout.DiscriminatorSlot];
            pending.NoteRefused(RequestErrors.Refused(first.IsPresent ? TryDecode(json, first) : null, null, Envelope));
            return false;
        }

        // Removed first: a response that races the request's timeout completes it once, or goes to Unhandled.
        if (!requests.TryRemove(id, out pending))
        {
            return false;
        }

        // Read from the payload of a wrapped envelope, the whole message when it has none (as JSON-RPC responses).
        var payload = _layout.PayloadSlot >= 0 ? slots[_layout.PayloadSlot] : FieldSlot.Absent;
        pending!.Complete(json, payload.IsPresent ? SlotValue.Raw(json, payload) : json, kind);
        return true;
    }

    /// <summary>A message no contract matches, with the values it carried; a value that does not decode makes it invalid JSON.</summary>
    private static InboundOutcome Unhandled(ReadOnlySpan<byte> json, in FieldSlot first, in FieldSlot second)
    {
        try
        {
            return InboundOutcome.Unhandled(SlotValue.ToDiscriminator(json, first), second.IsPresent ? SlotValue.ToDiscriminator(json, second) : null);
        }
        catch (InvalidOperationException ex)
        {
            // A string that is not valid UTF-8: the bytes could be compared, but the value cannot be reported.
            return InboundOutcome.Failed(MessageErrors.InvalidJson(ex, json));
        }
    }

    private static MessageDiscriminator? TryDecode(ReadOnlySpan<byte> json, in FieldSlot slot)
    {
        try
        {
            return SlotValue.ToDiscriminator(json, slot);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// A delivery that failed after a pass that stopped early: when the rest of the message is not valid JSON, that is
    /// the error to report, as a full pass would have before routing; otherwise the delivery's own error stands.
    /// The deserializer read the whole message and failed, so this second pass is paid only by broken messages.
    /// </summary>
    private InboundOutcome ClassifyFailure(InboundOutcome failed, ReadOnlySpan<byte> json)
    {
        Span<FieldSlot> slots = stackalloc FieldSlot[_layout.SlotCount];
        Span<int> stack = stackalloc int[_layout.StackSize];
        try
        {
            var scanner = new EnvelopeScanner(json, _protocol.ReaderOptions, _layout, slots, stack);
            scanner.Start();
            scanner.ReadToEnd();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return InboundOutcome.Failed(MessageErrors.InvalidJson(ex, json));
        }

        return failed;
    }

    /// <summary>Whether the rest of a message might name the discriminator property again (see <see cref="MayName"/>).</summary>
    private bool MayRepeatDiscriminator(ReadOnlySpan<byte> rest) => MayName(rest, [_quotedDiscriminatorProperty]);

    /// <summary>Whether the rest of a message might name a watched member again (see <see cref="MayName"/>).</summary>
    private bool MayRepeatWatched(ReadOnlySpan<byte> rest) => MayName(rest, _quotedWatchedNames);

    /// <summary>
    /// Whether <paramref name="rest"/> might name one of <paramref name="quotedNames"/> as a member: a quoted name occurs
    /// in it, or an escape that could spell one. Vectorized searches, far cheaper than reading the rest as JSON.
    /// </summary>
    private static bool MayName(ReadOnlySpan<byte> rest, ReadOnlySpan<byte[]> quotedNames)
    {
        if (rest.IndexOf((byte)'\\') >= 0)
        {
            return true;
        }

        foreach (var name in quotedNames)
        {
            if (rest.IndexOf(name) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The one kind of a level's values, or <see langword="null"/> when it has none; throws when they mix kinds.</summary>
    private static bool? KindOf<T>(IEnumerable<T> items, Func<T, MessageDiscriminator> value, string what, InboundContract[] contracts)
    {
        bool? kind = null;
        MessageDiscriminator firstValue = default;
        foreach (var item in items)
        {
            var current = value(item);
            if (kind is null)
            {
                kind = current.IsString;
                firstValue = current;
            }
            else if (kind != current.IsString)
            {
                var (text, number) = firstValue.IsString ? (firstValue, current) : (current, firstValue);
                throw new ArgumentException(
                    $"The {what} mix strings and integers: {Describe(text)} and {Describe(number)}. One level uses one kind; make them all strings or all integers.",
                    nameof(contracts));
            }
        }

        return kind;

        string Describe(MessageDiscriminator discriminator) =>
            contracts.FirstOrDefault(c => c.Discriminator == discriminator || c.Key.Second == discriminator) is { } contract
                ? $"{contract.MessageType} uses {discriminator.ToDisplayString()}"
                : $"a route uses {discriminator.ToDisplayString()}";
    }

    /// <summary>What one first-level value routes to: a contract, or a route to a second level.</summary>
    private sealed class FirstLevel
    {
        public FirstLevel(InboundContract contract)
        {
            Contract = contract;
        }

        public FirstLevel(RouteLayout route)
        {
            Route = route;
        }

        public InboundContract? Contract { get; }

        public RouteLayout? Route { get; }

        public DiscriminatorLookup<InboundContract>? Seconds { get; set; }
    }
}
