using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Protocols.Obs;

// README: obs (begin)
[Message(0)] public sealed record Hello(string ObsWebSocketVersion, int RpcVersion, HelloAuthentication? Authentication);
public sealed record HelloAuthentication(string Challenge, string Salt);
[Message(1)] public sealed record Identify(int RpcVersion, string? Authentication = null, int? EventSubscriptions = null);
[Message(2)] public sealed record Identified(int NegotiatedRpcVersion);

[Message(5, "CurrentProgramSceneChanged")] public sealed record CurrentProgramSceneChanged(string SceneName);
[Message(5, "ExitStarted")] public sealed record ExitStarted;                       // an event without eventData

[Message(6, "GetVersion")] public sealed record GetVersion;
public sealed record VersionInfo(string ObsVersion, string ObsWebSocketVersion, int RpcVersion, IReadOnlyList<string> AvailableRequests);
[Message(6, "SetCurrentProgramScene")] public sealed record SetCurrentProgramScene(string SceneName);
[Message(6, "SetStudioModeEnabled")] public sealed record SetStudioModeEnabled(bool StudioModeEnabled);

// Every response: {"op":7,"d":{"requestType":...,"requestId":"1","requestStatus":{...},"responseData":{...}}}
public sealed record RequestStatus(bool Result, int Code, string? Comment);

[Message(7)]
public sealed record ObsResponse<T>(RequestStatus RequestStatus, T? ResponseData) : IResponse<T, RequestStatus>
{
    T IResponse<T, RequestStatus>.Result => ResponseData!;

    RequestStatus? IResponse<T, RequestStatus>.Error => RequestStatus.Result ? null : RequestStatus;   // the status decides
}

[WebSocketClient(
    DiscriminatorProperty = "op", PayloadProperty = "d",
    RequestIdProperty = "requestId", RequestIdLocation = RequestIdLocation.Payload, RequestIdKind = RequestIdKind.String,
    Responses = typeof(ObsResponse<>), DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[Route(5, By = "d.eventType", Payload = "d.eventData")]                             // events, by eventType
[Route(6, By = "d.requestType", Payload = "d.requestData")]                         // requests, by requestType
[Receives(typeof(Hello))]
[Sends(typeof(Identify))]
[Receives(typeof(Identified))]
[Receives(typeof(CurrentProgramSceneChanged))]
[Receives(typeof(ExitStarted))]
[Sends(typeof(GetVersion), Returns = typeof(VersionInfo))]                         // Task<VersionInfo> GetVersionAsync(...)
[Sends(typeof(SetCurrentProgramScene), Returns = typeof(void))]                    // Task SetCurrentProgramSceneAsync(...)
[Sends(typeof(SetStudioModeEnabled), Returns = typeof(void))]
public sealed partial class ObsClient;
// README: obs (end)
