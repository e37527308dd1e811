namespace CpWebSocket;

/// <summary>
/// Routes the messages of one first-level discriminator value further, by a second value that stands elsewhere in
/// the message: inside the payload (<c>d.eventType</c>), in a nested object (<c>event.event_type</c>) or beside the
/// payload (<c>t</c>). Contracts of that value name both levels (<c>[Message(5, "CurrentProgramSceneChanged")]</c>),
/// and their record is read from <see cref="Payload"/>. Sent contracts are written the same way.
/// </summary>
/// <remarks>
/// Paths are dotted JSON property names from the root of the message, matched exactly. A received message whose first
/// value has a route but whose second value (or its absence) matches no contract reaches <c>Unhandled</c> with both
/// values.
/// </remarks>
/// <example>
/// <code language="csharp">
/// // {"op":5,"d":{"eventType":"CurrentProgramSceneChanged","eventIntent":4,"eventData":{"sceneName":"Live"}}}
/// [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d")]
/// [Route(5, By = "d.eventType", Payload = "d.eventData")]
/// [Receives(typeof(CurrentProgramSceneChanged))]
/// public sealed partial class ObsClient;
///
/// // {"op":0,"t":"MESSAGE_CREATE","s":3,"d":{...}}
/// [Route(0, By = "t", Payload = "d")]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class RouteAttribute : Attribute
{
    /// <summary>Routes the messages whose string discriminator is <paramref name="type"/>.</summary>
    /// <param name="type">The first-level value.</param>
    public RouteAttribute(string type)
    {
        Type = type;
    }

    /// <summary>Routes the messages whose integer discriminator is <paramref name="type"/>.</summary>
    /// <param name="type">The first-level value.</param>
    public RouteAttribute(long type)
    {
        Type = type;
    }

    /// <summary>The first-level value: a <see cref="string"/> or a <see cref="long"/>.</summary>
    public object Type { get; }

    /// <summary>The dotted path, from the root of the message, of the second-level value (required).</summary>
    public string By { get; set; } = string.Empty;

    /// <summary>
    /// The dotted path, from the root of the message, of the record of these messages. Default: the client's
    /// <see cref="WebSocketClientAttribute.PayloadProperty"/>, or the whole message when flat.
    /// </summary>
    public string? Payload { get; set; }
}
