using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Messaging.Requests;

/// <summary>A request the <c>/respond</c> endpoint echoes back under the discriminator its <c>reply</c> query parameter names.</summary>
[Message("job")]
public sealed record Job(int N, [property: JsonPropertyName("silent")] bool? Silent = null);

/// <summary>The answer to a <see cref="Job"/>: the request's own fields under <c>job.done</c>.</summary>
[Message("job.done")]
public sealed record JobDone(int N);

/// <summary>What a server answers any failed request with: <c>{"type":"error","id":1,"message":"..."}</c>.</summary>
[Message("error")]
public sealed record ErrorReply(string Message);

/// <summary>A client whose requests are answered by <c>job.done</c>, or by a declared <c>error</c> message.</summary>
[WebSocketClient(RequestIdProperty = "id", ErrorResponse = typeof(ErrorReply))]
[Sends(typeof(Job), Returns = typeof(JobDone))]
public sealed partial class JobClient;
