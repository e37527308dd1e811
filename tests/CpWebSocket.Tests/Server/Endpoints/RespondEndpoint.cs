using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CpWebSocket.Tests.Server.Endpoints;

/// <summary>
/// <c>/respond</c>: answers JSON requests, the way a request/response API does. Query parameters:
/// <list type="bullet">
/// <item><c>discriminator=type</c>, <c>payload=</c> (empty: flat): the envelope of the requests;</item>
/// <item><c>reply=reply</c>: the discriminator written into each response (an integer when it parses as one);</item>
/// <item><c>shape=echo|rpc</c>: <c>echo</c> answers with the request itself, its discriminator replaced by <c>reply</c>
/// (so the id stays where it was); <c>rpc</c> answers <c>{"jsonrpc":"2.0","id":ID,"result":PAYLOAD}</c>, or
/// <c>{"jsonrpc":"2.0","id":ID,"error":{"code":-32000,"message":FAIL}}</c> when the payload has a <c>fail</c> property;</item>
/// <item><c>id=id</c>, <c>id_in=envelope|payload</c>: where the request id is read from, for <c>rpc</c>;</item>
/// <item><c>batch=1</c>, <c>order=arrival|reverse</c>: answers once that many requests arrived, in that order;</item>
/// <item><c>merge={...}</c>: a JSON object whose properties are added to each <c>echo</c> answer.</item>
/// </list>
/// Per request, properties of its payload: <c>silent: true</c> never answers it; <c>delay_ms: N</c> answers it N ms
/// later (other answers go on meanwhile); <c>close: true</c> drops the TCP connection without answering.
/// </summary>
internal sealed class RespondEndpoint : WebSocketEndpoint
{
    public override string Path => "/respond";

    public override async Task RunAsync(WebSocketSession session)
    {
        var settings = new Settings(session);
        using var sending = new SemaphoreSlim(1, 1);
        var batch = new List<JsonObject>();
        var delayed = new List<Task>();
        while (true)
        {
            var inbound = await session.ReceiveAsync(session.Stopping).ConfigureAwait(false);
            if (inbound.Kind == InboundKind.Close)
            {
                await Task.WhenAll(delayed).ConfigureAwait(false);
                await session.AnswerCloseAsync(session.Stopping).ConfigureAwait(false);
                return;
            }

            if (inbound.Kind != InboundKind.Message || JsonNode.Parse(inbound.Message!.Data.Span) is not JsonObject request)
            {
                continue;
            }

            var payload = settings.Payload is { } name ? request[name] as JsonObject ?? [] : request;
            if (payload["close"] is not null)
            {
                session.Log.RecordAborted();
                session.Context.Abort();
                return;
            }

            if (payload["silent"] is not null)
            {
                continue;
            }

            if (payload["delay_ms"] is { } delay)
            {
                var answer = settings.Answer(request, payload);
                delayed.Add(SendLaterAsync(session, sending, answer, delay.GetValue<int>()));
                continue;
            }

            batch.Add(request);
            if (batch.Count < settings.BatchSize)
            {
                continue;
            }

            if (settings.Reverse)
            {
                batch.Reverse();
            }

            foreach (var queued in batch)
            {
                var queuedPayload = settings.Payload is { } p ? queued[p] as JsonObject ?? [] : queued;
                await SendAsync(session, sending, settings.Answer(queued, queuedPayload)).ConfigureAwait(false);
            }

            batch.Clear();
        }
    }

    private static async Task SendLaterAsync(WebSocketSession session, SemaphoreSlim sending, string answer, int delayMilliseconds)
    {
        await Task.Delay(delayMilliseconds, session.Stopping).ConfigureAwait(false);
        if (session.Socket.State == WebSocketState.Open)
        {
            await SendAsync(session, sending, answer).ConfigureAwait(false);
        }
    }

    private static async Task SendAsync(WebSocketSession session, SemaphoreSlim sending, string answer)
    {
        await sending.WaitAsync(session.Stopping).ConfigureAwait(false);
        try
        {
            await session.SendAsync(WebSocketMessageType.Text, Encoding.UTF8.GetBytes(answer), endOfMessage: true, session.Stopping).ConfigureAwait(false);
        }
        finally
        {
            sending.Release();
        }
    }

    private sealed class Settings(WebSocketSession session)
    {
        private readonly string _discriminator = QueryParameters.GetString(session.Context, "discriminator", "type");
        private readonly string _reply = QueryParameters.GetString(session.Context, "reply", "reply");
        private readonly bool _rpc = QueryParameters.GetString(session.Context, "shape", "echo") == "rpc";
        private readonly string _id = QueryParameters.GetString(session.Context, "id", "id");
        private readonly bool _idInPayload = QueryParameters.GetString(session.Context, "id_in", "envelope") == "payload";
        private readonly JsonObject? _merge = QueryParameters.GetString(session.Context, "merge", string.Empty) is { Length: > 0 } merge ? JsonNode.Parse(merge)!.AsObject() : null;

        public string? Payload { get; } = QueryParameters.GetString(session.Context, "payload", string.Empty) is { Length: > 0 } name ? name : null;

        public int BatchSize { get; } = QueryParameters.GetInt32(session.Context, "batch", 1);

        public bool Reverse { get; } = QueryParameters.GetString(session.Context, "order", "arrival") == "reverse";

        public string Answer(JsonObject request, JsonObject payload)
        {
            if (!_rpc)
            {
                var echo = (JsonObject)request.DeepClone();
                echo[_discriminator] = long.TryParse(_reply, out var number) ? JsonValue.Create(number) : JsonValue.Create(_reply);
                foreach (var (name, value) in _merge ?? [])
                {
                    echo[name] = value?.DeepClone();
                }

                return echo.ToJsonString();
            }

            var id = (_idInPayload ? payload[_id] : request[_id])?.DeepClone();
            var response = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id };
            if (payload["fail"] is { } fail)
            {
                response["error"] = new JsonObject { ["code"] = -32000, ["message"] = fail.DeepClone() };
            }
            else
            {
                response["result"] = payload.DeepClone();
            }

            return response.ToJsonString(JsonSerializerOptions.Default);
        }
    }
}
