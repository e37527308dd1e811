using System.Text.Json.Serialization;

namespace CpWebSocket.Testing.Tests.Contracts.HomeAssistant;

// Home Assistant: flat snake_case messages, results of one shape, events told apart by a nested "event.event_type" and
// carrying their subscription's id beside the payload, and several messages coalesced into one array frame.

[Message("subscribe_events")] public sealed record SubscribeEvents(string? EventType = null);
[Message("get_states")] public sealed record GetStates;

public sealed record EntityState(string EntityId, string State);

[Message("event", "state_changed")]
public sealed record StateChanged(string EntityId, EntityState? NewState);

public sealed record HaEnvelope(long Id);

public sealed record HaError(string Code, string Message);

[Message("result")]
public sealed record HaResult<T>(bool Success, T Result, HaError? Error) : IResponse<T, HaError>;

[WebSocketClient(
    NamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RequestIdProperty = "id",
    Responses = typeof(HaResult<>), Envelope = typeof(HaEnvelope))]
[Route("event", By = "event.event_type", Payload = "event.data")]
[Sends(typeof(SubscribeEvents), Returns = typeof(void))]
[Sends(typeof(GetStates), Returns = typeof(IReadOnlyList<EntityState>))]
[Receives(typeof(StateChanged))]
public sealed partial class HomeAssistantClient;
