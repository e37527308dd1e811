using System.Text.Json.Nodes;

namespace CpWebSocket.Tests.Protocols.JsonRpc;

/// <summary>
/// A JSON-RPC 2.0 server in the manner of an exchange API (Deribit), from <c>PROTOCOLS.md</c>: every message must carry
/// <c>"jsonrpc":"2.0"</c> (else error -32600, and the violation is counted in <see cref="Violations"/>); responses
/// have no <c>method</c>; batches (array frames) are answered with arrays; notifications come by channel after
/// <c>public/subscribe</c>. Query parameters: <c>coalesce=1</c> sends the notifications of one subscription in one
/// array frame; <c>batch=N</c> answers N requests at once, in one array frame, last first; <c>server_request=1</c>
/// sends a request of its own carrying the same id before each answer; <c>delay_ms=N</c> answers <c>public/test</c> that
/// much later; <c>heartbeats=N</c> follows each answer to <c>public/test</c> with the next heartbeat
/// <c>test_request</c>, until N were answered.
/// </summary>
public static class JsonRpcPeer
{
    public const string Path = "/jsonrpc";

    public const long Time = 1_764_500_000_000;

    private static int s_violations;

    /// <summary>Messages received without <c>"jsonrpc":"2.0"</c>, over every connection.</summary>
    public static int Violations => Volatile.Read(ref s_violations);

    public static async Task RunAsync(PeerSocket socket)
    {
        var batchSize = int.TryParse(socket.Query("batch"), out var batch) ? batch : 1;
        var pending = new List<JsonNode>();
        var delayed = new List<Task>();
        var tested = 0;
        while (true)
        {
            var (open, json, _) = await socket.ReceiveAsync();
            if (!open)
            {
                await Task.WhenAll(delayed);
                return;
            }

            if (json is JsonArray requests)
            {
                var answers = new JsonArray();
                foreach (var request in requests)
                {
                    var (answer, notifications) = Answer(request);
                    answers.Add(answer);
                    foreach (var notification in notifications)
                    {
                        answers.Add(notification);
                    }
                }

                await socket.SendAsync(answers);
                continue;
            }

            if (socket.Query("delay_ms") is { Length: > 0 } delay && (string?)json?["method"] == "public/test")
            {
                var late = Answer(json).Response;
                delayed.Add(Task.Delay(int.Parse(delay, System.Globalization.CultureInfo.InvariantCulture), socket.Stopping).ContinueWith(_ => socket.SendAsync(late), TaskScheduler.Default).Unwrap());
                continue;
            }

            if (socket.Query("heartbeats") is { Length: > 0 } beats && (string?)json?["method"] == "public/test")
            {
                await socket.SendAsync(Answer(json).Response);
                if (++tested < int.Parse(beats, System.Globalization.CultureInfo.InvariantCulture))
                {
                    await socket.SendAsync(Notification("heartbeat", new JsonObject { ["type"] = "test_request" }));
                }

                continue;
            }

            pending.Add(json!);
            if (pending.Count < batchSize)
            {
                continue;
            }

            var results = pending.Select(Answer).ToList();
            pending.Clear();
            if (socket.Query("server_request") == "1")
            {
                foreach (var (response, _) in results)
                {
                    await socket.SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = response["id"]?.DeepClone(), ["method"] = "client/ping", ["params"] = new JsonObject() });
                }
            }

            if (batchSize > 1)
            {
                await socket.SendAsync(new JsonArray([.. results.Select(r => r.Response).Reverse()]));
                continue;
            }

            foreach (var (response, notifications) in results)
            {
                await socket.SendAsync(response);
                if (notifications.Count > 0 && socket.Query("coalesce") == "1")
                {
                    await socket.SendAsync(new JsonArray([.. notifications]));
                    continue;
                }

                foreach (var notification in notifications)
                {
                    await socket.SendAsync(notification);
                }
            }
        }
    }

    private static (JsonObject Response, List<JsonNode> Notifications) Answer(JsonNode? request)
    {
        var id = request?["id"]?.DeepClone();
        if (request is not JsonObject || (string?)request["jsonrpc"] != "2.0")
        {
            Interlocked.Increment(ref s_violations);
            return (Error(id, -32600, "Invalid Request"), []);
        }

        var parameters = request["params"] as JsonObject ?? [];
        return (string?)request["method"] switch
        {
            "public/get_time" => (Result(id, Time), []),
            "public/test" => (Result(id, new JsonObject { ["version"] = "1.2.26" }), []),
            "public/set_heartbeat" => (Result(id, "ok"), [Notification("heartbeat", new JsonObject { ["type"] = "test_request" })]),
            "public/subscribe" when parameters["channels"] is JsonArray channels =>
                (Result(id, channels.DeepClone()), [.. channels.SelectMany(c => Notifications((string)c!))]),
            { } method when method.StartsWith("private/", StringComparison.Ordinal) => (Error(id, 13009, "unauthorized"), []),
            _ => (Error(id, -32601, "Method not found"), []),
        };
    }

    /// <summary>What a channel sends once subscribed; a <c>.broken</c> ticker sends a second one without <c>last_price</c>.</summary>
    private static IEnumerable<JsonNode> Notifications(string channel)
    {
        var parts = channel.Split('.');
        var instrument = parts.Length > 1 ? parts[1] : string.Empty;
        switch (parts[0])
        {
            case "ticker":
                yield return Subscription(channel, Ticker(instrument, 97_250.5));
                if (parts[^1] == "broken")
                {
                    var broken = Ticker(instrument, 0);
                    broken.Remove("last_price");
                    yield return Subscription(channel, broken);
                    yield return Subscription(channel, Ticker(instrument, 97_251.0));
                }

                break;
            case "book":
                yield return Subscription(channel, new JsonObject
                {
                    ["instrument_name"] = instrument,
                    ["change_id"] = 5,
                    ["bids"] = new JsonArray(new JsonArray(3_650.1, 12.5)),
                    ["asks"] = new JsonArray(new JsonArray(3_650.6, 3.0), new JsonArray(3_651.0, 40.0)),
                });
                break;
            default:
                yield return Subscription(channel, new JsonArray(new JsonObject { ["trade_id"] = "1", ["price"] = 97_250.5 }));
                break;
        }
    }

    private static JsonObject Ticker(string instrument, double price) => new()
    {
        ["instrument_name"] = instrument,
        ["last_price"] = price,
        ["best_bid_price"] = price - 0.5,
        ["best_ask_price"] = price + 0.5,
        ["timestamp"] = Time,
    };

    private static JsonObject Subscription(string channel, JsonNode data) => Notification("subscription", new JsonObject { ["channel"] = channel, ["data"] = data });

    private static JsonObject Notification(string method, JsonObject parameters) => new() { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters };

    private static JsonObject Result(JsonNode? id, JsonNode result) => new() { ["jsonrpc"] = "2.0", ["id"] = id, ["result"] = result };

    private static JsonObject Error(JsonNode? id, int code, string message) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = id, ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
