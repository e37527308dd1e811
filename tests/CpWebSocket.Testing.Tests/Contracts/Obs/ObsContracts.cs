using System.Text.Json.Serialization;

namespace CpWebSocket.Testing.Tests.Contracts.Obs;

// OBS websocket v5: integer op codes, the message in "d", a second level inside it for events (5) and requests (6),
// requests answered by op 7 with a string id inside "d", and a status that decides success.

[Message(0)] public sealed record Hello(string ObsWebSocketVersion, int RpcVersion);
[Message(1)] public sealed record Identify(int RpcVersion, int? EventSubscriptions = null);
[Message(2)] public sealed record Identified(int NegotiatedRpcVersion);

[Message(5, "CurrentProgramSceneChanged")] public sealed record SceneChanged(string SceneName);
[Message(5, "ExitStarted")] public sealed record ExitStarted;

[Message(6, "GetVersion")] public sealed record GetVersion;
[Message(6, "SetCurrentProgramScene")] public sealed record SetScene(string SceneName);

public sealed record VersionInfo(string ObsVersion, int RpcVersion);
public sealed record RequestStatus(bool Result, int Code, string? Comment);

[Message(7)]
public sealed record ObsResponse<T>(RequestStatus RequestStatus, T? ResponseData) : IResponse<T, RequestStatus>
{
    T IResponse<T, RequestStatus>.Result => ResponseData!;

    RequestStatus? IResponse<T, RequestStatus>.Error => RequestStatus.Result ? null : RequestStatus;
}

[WebSocketClient(
    DiscriminatorProperty = "op", PayloadProperty = "d",
    RequestIdProperty = "requestId", RequestIdLocation = RequestIdLocation.Payload, RequestIdKind = RequestIdKind.String,
    Responses = typeof(ObsResponse<>), DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[Route(5, By = "d.eventType", Payload = "d.eventData")]
[Route(6, By = "d.requestType", Payload = "d.requestData")]
[Receives(typeof(Hello))]
[Sends(typeof(Identify))]
[Receives(typeof(Identified))]
[Receives(typeof(SceneChanged))]
[Receives(typeof(ExitStarted))]
[Sends(typeof(GetVersion), Returns = typeof(VersionInfo))]
[Sends(typeof(SetScene), Returns = typeof(void))]
public sealed partial class ObsClient;
