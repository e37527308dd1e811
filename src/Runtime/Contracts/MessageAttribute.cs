namespace CpWebSocket;

/// <summary>
/// Marks a type as a JSON message contract and gives its discriminator: the value of the envelope's
/// discriminator property (<c>"type"</c> by default) that identifies this message on the wire, and, for a first-level
/// value the client routes further (<see cref="RouteAttribute"/>), the second-level value that selects this contract.
/// </summary>
/// <remarks>
/// A client declares which contracts it sends and receives with <see cref="SendsAttribute"/> and
/// <see cref="ReceivesAttribute"/>. All first-level values of one client are of one kind, strings or integers, and so
/// are all second-level values of one route. A received second-level string ending in <c>*</c> is a prefix pattern:
/// <c>"ticker.*"</c> matches <c>"ticker.BTC-PERPETUAL.100ms"</c>; an exact value wins over a pattern, and a longer
/// pattern over a shorter one.
/// </remarks>
/// <example>
/// <code language="csharp">
/// [Message("chat.say")] public sealed record Say(string Room, string Text);   // {"type":"chat.say","room":"lobby","text":"hi"}
/// [Message(5)]          public sealed record Tick(long Seq, double Price);     // {"type":5,"seq":1,"price":2.5}
///
/// // With [Route(5, By = "d.eventType", Payload = "d.eventData")] on the client:
/// // {"op":5,"d":{"eventType":"CurrentProgramSceneChanged","eventData":{"sceneName":"Live"}}}
/// [Message(5, "CurrentProgramSceneChanged")] public sealed record CurrentProgramSceneChanged(string SceneName);
///
/// // With [Route("subscription", By = "params.channel", Payload = "params.data")] on the client:
/// [Message("subscription", "ticker.*")] public sealed record Ticker(string InstrumentName, double LastPrice);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
public sealed class MessageAttribute : Attribute
{
    /// <summary>Declares a message whose discriminator is a string.</summary>
    /// <param name="type">The discriminator value, for example <c>"chat.say"</c>.</param>
    public MessageAttribute(string type)
    {
        Type = type;
    }

    /// <summary>Declares a message whose discriminator is an integer (<c>[Message(5)]</c> binds here).</summary>
    /// <param name="type">The discriminator value, for example <c>5</c>.</param>
    public MessageAttribute(long type)
    {
        Type = type;
    }

    /// <summary>Declares a message of a routed string discriminator, selected by a second-level string.</summary>
    /// <param name="type">The first-level value, for example <c>"event"</c>.</param>
    /// <param name="subtype">The second-level value, for example <c>"state_changed"</c>, or a prefix pattern such as <c>"ticker.*"</c>.</param>
    public MessageAttribute(string type, string subtype)
    {
        Type = type;
        Subtype = subtype;
    }

    /// <summary>Declares a message of a routed integer discriminator, selected by a second-level string.</summary>
    /// <param name="type">The first-level value, for example <c>5</c>.</param>
    /// <param name="subtype">The second-level value, for example <c>"CurrentProgramSceneChanged"</c>, or a prefix pattern.</param>
    public MessageAttribute(long type, string subtype)
    {
        Type = type;
        Subtype = subtype;
    }

    /// <summary>Declares a message of a routed string discriminator, selected by a second-level integer.</summary>
    /// <param name="type">The first-level value.</param>
    /// <param name="subtype">The second-level value.</param>
    public MessageAttribute(string type, long subtype)
    {
        Type = type;
        Subtype = subtype;
    }

    /// <summary>Declares a message of a routed integer discriminator, selected by a second-level integer.</summary>
    /// <param name="type">The first-level value.</param>
    /// <param name="subtype">The second-level value.</param>
    public MessageAttribute(long type, long subtype)
    {
        Type = type;
        Subtype = subtype;
    }

    /// <summary>The discriminator value: a <see cref="string"/> or a <see cref="long"/>.</summary>
    public object Type { get; }

    /// <summary>The second-level value (a <see cref="string"/> or a <see cref="long"/>), or <see langword="null"/> for a one-level message.</summary>
    public object? Subtype { get; }
}
