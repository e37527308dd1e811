using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CpWebSocket.Tests.Protocols.Obs;

/// <summary>
/// An OBS websocket v5 server, from <c>PROTOCOLS.md</c>: Hello (with an authentication challenge when the
/// <c>password</c> query parameter is set), Identify checked (a bad password closes with 4009, anything before it with
/// 4007), then requests by <c>requestType</c> answered with a <c>requestStatus</c>, and the events they cause. Scenes
/// <c>Intro</c>, <c>Live</c> and <c>Outro</c>; input <c>Mic</c>. <c>script=exit</c> sends <c>ExitStarted</c> (an event
/// without <c>eventData</c>) right after Identified.
/// </summary>
public static class ObsPeer
{
    public const string Path = "/obs";

    private static readonly string[] Scenes = ["Intro", "Live", "Outro"];

    public static async Task RunAsync(PeerSocket socket)
    {
        var password = socket.Query("password");
        var challenge = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var salt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var hello = new JsonObject { ["obsWebSocketVersion"] = "5.5.0", ["rpcVersion"] = 1 };
        if (password.Length > 0)
        {
            hello["authentication"] = new JsonObject { ["challenge"] = challenge, ["salt"] = salt };
        }

        await socket.SendAsync(Message(0, hello));
        var identified = false;
        var scene = "Intro";
        while (true)
        {
            var (open, json, _) = await socket.ReceiveAsync();
            if (!open)
            {
                return;
            }

            var op = json?["op"]?.GetValue<int>();
            var d = json?["d"] as JsonObject ?? [];
            if (!identified)
            {
                if (op != 1)
                {
                    await socket.CloseAsync(4007, "Not identified.");
                    return;
                }

                if (password.Length > 0 && (string?)d["authentication"] != Authentication(password, salt, challenge))
                {
                    await socket.CloseAsync(4009, "Authentication failed.");
                    return;
                }

                identified = true;
                await socket.SendAsync(Message(2, new JsonObject { ["negotiatedRpcVersion"] = 1 }));
                if (socket.Query("script") == "exit")
                {
                    await socket.SendAsync(Message(5, new JsonObject { ["eventType"] = "ExitStarted", ["eventIntent"] = 2 }));
                }

                continue;
            }

            if (op != 6)
            {
                continue;
            }

            var type = (string?)d["requestType"] ?? string.Empty;
            var data = d["requestData"] as JsonObject ?? [];
            var (status, response, events) = type switch
            {
                "GetVersion" => (Ok(), new JsonObject
                {
                    ["obsVersion"] = "30.2.3",
                    ["obsWebSocketVersion"] = "5.5.0",
                    ["rpcVersion"] = 1,
                    ["availableRequests"] = new JsonArray("GetVersion", "SetCurrentProgramScene", "SetStudioModeEnabled"),
                }, []),
                "SetCurrentProgramScene" when Scenes.Contains((string?)data["sceneName"]) =>
                    (Ok(), null, [Event("CurrentProgramSceneChanged", 4, new JsonObject { ["sceneName"] = scene = (string)data["sceneName"]! })]),
                "SetCurrentProgramScene" => (Failed(600, $"No source was found by the name of `{(string?)data["sceneName"]}`."), null, []),
                "SetStudioModeEnabled" => (Ok(), null, [Event("StudioModeStateChanged", 4, new JsonObject { ["studioModeEnabled"] = data["studioModeEnabled"]?.DeepClone() })]),
                _ => (Failed(204, "Your request type is not valid."), (JsonObject?)null, Array.Empty<JsonNode>()),
            };

            var answer = new JsonObject { ["requestType"] = type, ["requestId"] = d["requestId"]?.DeepClone(), ["requestStatus"] = status };
            if (response is not null)
            {
                answer["responseData"] = response;
            }

            await socket.SendAsync(Message(7, answer));
            foreach (var @event in events)
            {
                await socket.SendAsync(@event);
            }
        }
    }

    /// <summary>The authentication string of PROTOCOLS.md: base64 sha256 of (base64 sha256(password + salt)) + challenge.</summary>
    public static string Authentication(string password, string salt, string challenge)
    {
        var secret = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(password + salt)));
        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(secret + challenge)));
    }

    private static JsonObject Message(int op, JsonObject d) => new() { ["op"] = op, ["d"] = d };

    private static JsonObject Event(string type, int intent, JsonObject data) =>
        Message(5, new JsonObject { ["eventType"] = type, ["eventIntent"] = intent, ["eventData"] = data });

    private static JsonObject Ok() => new() { ["result"] = true, ["code"] = 100 };

    private static JsonObject Failed(int code, string comment) => new() { ["result"] = false, ["code"] = code, ["comment"] = comment };
}
