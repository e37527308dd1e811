using System.Text.Json;
using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Protocols.HomeAssistant;

// README: home assistant (begin)
[Message("auth_required")] public sealed record AuthRequired(string HaVersion);
[Message("auth")] public sealed record Auth(string AccessToken);
[Message("auth_ok")] public sealed record AuthOk(string HaVersion);
[Message("auth_invalid")] public sealed record AuthInvalid(string Message);

[Message("get_states")] public sealed record GetStates;
[Message("subscribe_events")] public sealed record SubscribeEvents(string? EventType = null);
[Message("call_service")] public sealed record CallService(string Domain, string Service, ServiceTarget Target);
public sealed record ServiceTarget(string EntityId);
[Message("supported_features")] public sealed record SupportedFeatures(Features Features);
public sealed record Features(int CoalesceMessages);
[Message("ping")] public sealed record Ping;
[Message("pong")] public sealed record Pong;                                            // answers ping: matched by id and "pong"

public sealed record EntityState(string EntityId, string State, Dictionary<string, JsonElement>? Attributes);

// {"id":6,"type":"event","event":{"event_type":"state_changed","data":{"entity_id":...,"old_state":...,"new_state":...}}}
[Message("event", "state_changed")]
public sealed record StateChanged(string EntityId, EntityState? OldState, EntityState? NewState);

public sealed record HaEnvelope(long Id);                                               // an event carries its subscription's id

// {"id":5,"type":"result","success":true,"result":[...]} or {"id":5,"type":"result","success":false,"error":{...}}
public sealed record HaError(string Code, string Message);

[Message("result")]
public sealed record HaResult<T>(bool Success, T Result, HaError? Error) : IResponse<T, HaError>;

[WebSocketClient(
    NamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, RequestIdProperty = "id",
    Responses = typeof(HaResult<>), Envelope = typeof(HaEnvelope))]
[Route("event", By = "event.event_type", Payload = "event.data")]
[Receives(typeof(AuthRequired))]
[Sends(typeof(Auth))]
[Receives(typeof(AuthOk))]
[Receives(typeof(AuthInvalid))]
[Sends(typeof(GetStates), Returns = typeof(IReadOnlyList<EntityState>))]                // Task<IReadOnlyList<EntityState>> GetStatesAsync(...)
[Sends(typeof(SubscribeEvents), Returns = typeof(void))]
[Sends(typeof(CallService), Returns = typeof(void))]
[Sends(typeof(SupportedFeatures), Returns = typeof(void))]
[Sends(typeof(Ping), Returns = typeof(Pong))]
[Receives(typeof(StateChanged))]
public sealed partial class HomeAssistantClient;
// README: home assistant (end)
