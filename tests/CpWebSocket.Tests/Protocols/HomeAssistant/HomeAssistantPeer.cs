using System.Text.Json.Nodes;

namespace CpWebSocket.Tests.Protocols.HomeAssistant;

/// <summary>
/// A Home Assistant websocket API server, from <c>PROTOCOLS.md</c>: <c>auth_required</c>, then <c>auth</c> with the
/// <c>token</c> query parameter's value (<c>auth_ok</c>, or <c>auth_invalid</c> and a close; a command before it is
/// refused the same way), then commands with increasing ids answered by <c>result</c> or <c>pong</c>. Entities
/// <c>light.kitchen</c> (off) and <c>switch.fan</c> (on). A <c>call_service</c> fires a <c>call_service</c> event and a
/// <c>state_changed</c> event to the subscriptions that want them, with each subscription's id; after
/// <c>supported_features</c> with <c>coalesce_messages</c>, the events of one call come in one array frame.
/// </summary>
public static class HomeAssistantPeer
{
    public const string Path = "/homeassistant";

    public const string Version = "2026.11.1";

    public static async Task RunAsync(PeerSocket socket)
    {
        var token = socket.Query("token");
        var states = new Dictionary<string, string>(StringComparer.Ordinal) { ["light.kitchen"] = "off", ["switch.fan"] = "on" };
        var subscriptions = new Dictionary<long, string?>();
        var coalesce = false;
        await socket.SendAsync(new JsonObject { ["type"] = "auth_required", ["ha_version"] = Version });

        var (open, auth, _) = await socket.ReceiveAsync();
        if (!open)
        {
            return;
        }

        if ((string?)auth?["type"] != "auth" || (string?)auth["access_token"] != token)
        {
            var reason = (string?)auth?["type"] == "auth" ? "Invalid access token or password" : "Commands need authentication first";
            await socket.SendAsync(new JsonObject { ["type"] = "auth_invalid", ["message"] = reason });
            await socket.CloseAsync(1008, reason);
            return;
        }

        await socket.SendAsync(new JsonObject { ["type"] = "auth_ok", ["ha_version"] = Version });
        while (true)
        {
            (open, var command, _) = await socket.ReceiveAsync();
            if (!open)
            {
                return;
            }

            var id = command?["id"]?.GetValue<long>() ?? 0;
            switch ((string?)command?["type"])
            {
                case "ping":
                    await socket.SendAsync(new JsonObject { ["id"] = id, ["type"] = "pong" });
                    break;
                case "supported_features":
                    coalesce = command!["features"]?["coalesce_messages"]?.GetValue<int>() == 1;
                    await socket.SendAsync(Success(id, null));
                    break;
                case "get_states":
                    await socket.SendAsync(Success(id, new JsonArray([.. states.Select(s => State(s.Key, s.Value))])));
                    break;
                case "subscribe_events":
                    subscriptions[id] = (string?)command!["event_type"];
                    await socket.SendAsync(Success(id, null));
                    break;
                case "unsubscribe_events":
                    var removed = subscriptions.Remove(command!["subscription"]?.GetValue<long>() ?? -1);
                    await socket.SendAsync(removed ? Success(id, null) : Failure(id, "not_found", "Subscription not found."));
                    break;
                case "call_service":
                    await CallServiceAsync(socket, id, command!, states, subscriptions, coalesce);
                    break;
                default:
                    await socket.SendAsync(Failure(id, "unknown_command", "Unknown command."));
                    break;
            }
        }
    }

    private static async Task CallServiceAsync(PeerSocket socket, long id, JsonNode command, Dictionary<string, string> states, Dictionary<long, string?> subscriptions, bool coalesce)
    {
        var domain = (string?)command["domain"];
        var service = (string?)command["service"];
        var entity = (string?)command["target"]?["entity_id"];
        var newState = service switch { "turn_on" => "on", "turn_off" => "off", _ => null };
        if (newState is null || entity is null || !states.TryGetValue(entity, out var oldState) || !entity.StartsWith(domain + ".", StringComparison.Ordinal))
        {
            await socket.SendAsync(Failure(id, "not_found", $"Service {domain}.{service} not found."));
            return;
        }

        states[entity] = newState;
        await socket.SendAsync(Success(id, new JsonObject { ["context"] = new JsonObject { ["id"] = Guid.NewGuid().ToString("N"), ["parent_id"] = null, ["user_id"] = null } }));

        var fired = new List<(string Type, JsonObject Data)>
        {
            ("call_service", new JsonObject { ["domain"] = domain, ["service"] = service, ["service_data"] = new JsonObject { ["entity_id"] = entity } }),
            ("state_changed", new JsonObject { ["entity_id"] = entity, ["old_state"] = State(entity, oldState), ["new_state"] = State(entity, newState) }),
        };
        var messages = new List<JsonObject>();
        foreach (var (subscription, wanted) in subscriptions)
        {
            foreach (var (type, data) in fired.Where(e => wanted is null || wanted == e.Type))
            {
                messages.Add(new JsonObject
                {
                    ["id"] = subscription,
                    ["type"] = "event",
                    ["event"] = new JsonObject { ["event_type"] = type, ["data"] = data.DeepClone(), ["origin"] = "LOCAL", ["time_fired"] = "2026-11-30T12:00:00.000000+00:00" },
                });
            }
        }

        if (coalesce && messages.Count > 1)
        {
            await socket.SendAsync(new JsonArray([.. messages]));
            return;
        }

        foreach (var message in messages)
        {
            await socket.SendAsync(message);
        }
    }

    private static JsonObject State(string entity, string state) => new()
    {
        ["entity_id"] = entity,
        ["state"] = state,
        ["attributes"] = new JsonObject { ["friendly_name"] = entity.Split('.')[1] },
        ["last_changed"] = "2026-11-30T12:00:00.000000+00:00",
    };

    private static JsonObject Success(long id, JsonNode? result) => new() { ["id"] = id, ["type"] = "result", ["success"] = true, ["result"] = result };

    private static JsonObject Failure(long id, string code, string message) =>
        new() { ["id"] = id, ["type"] = "result", ["success"] = false, ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
}
