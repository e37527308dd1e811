using System.Text.Json.Nodes;

namespace CpWebSocket.Tests.Protocols.Discord;

/// <summary>
/// A Discord gateway, from <c>PROTOCOLS.md</c>: Hello with a <c>heartbeat_interval</c>, Identify checked against the
/// <c>token</c> query parameter (4004 when wrong), then dispatches with increasing <c>s</c>: <c>READY</c>,
/// <c>GUILD_CREATE</c>, <c>MESSAGE_CREATE</c>, <c>TYPING_START</c>, and a heartbeat request (<c>{"op":1,"d":null}</c>).
/// Every heartbeat is acknowledged with <c>{"op":11,"d":null}</c>. <c>script=invalid</c> answers Identify with Invalid
/// Session (<c>{"op":9,"d":false}</c>) instead. <c>interval=N</c> sets the heartbeat interval (ms).
/// <c>script=reconnect</c> sends only READY and GUILD_CREATE and asks for a heartbeat, which it answers with op 7 Reconnect and a close with 4000; READY's
/// <c>resume_gateway_url</c> is this peer with <c>gateway=resume</c> (and the tag with <c>-resume</c>), where op 6 Resume
/// with the right session and <c>seq</c> replays the dispatches after it and then <c>RESUMED</c>.
/// </summary>
public static class DiscordPeer
{
    public const string Path = "/discord";

    public const string SessionId = "9a8b7c6d";

    public static async Task RunAsync(PeerSocket socket)
    {
        var token = socket.Query("token");
        var sequence = 0L;
        var resumeUrl = $"ws://{socket.Host}{Path}?token={Uri.EscapeDataString(token)}&gateway=resume&tag={socket.Query("tag")}-resume";
        await socket.SendAsync(Gateway(10, new JsonObject { ["heartbeat_interval"] = int.Parse(socket.Query("interval", "41250"), System.Globalization.CultureInfo.InvariantCulture) }, null, null));
        while (true)
        {
            var (open, json, _) = await socket.ReceiveAsync();
            if (!open)
            {
                return;
            }

            var op = json?["op"]?.GetValue<int>();
            var tokenMatches = (json?["d"] as JsonObject)?["token"]?.GetValue<string>() == token;
            switch (op)
            {
                case 1 when socket.Query("script") != "reconnect" || socket.Query("gateway") == "resume":
                    await socket.SendAsync(Gateway(11, null, null, null));
                    break;
                case 2 when !tokenMatches:
                    await socket.CloseAsync(4004, "Authentication failed.");
                    return;
                case 2 when socket.Query("script") == "invalid":
                    await socket.SendAsync(Gateway(9, false, null, null));
                    break;
                case 6:
                    var resume = json?["d"] as JsonObject;
                    if (socket.Query("gateway") != "resume" || (string?)resume?["token"] != token || (string?)resume?["session_id"] != SessionId)
                    {
                        await socket.CloseAsync(4006, "Invalid session.");   // not resumable here
                        return;
                    }

                    // The dispatches the client missed: those after the sequence it last saw.
                    var user2 = new JsonObject { ["id"] = "80351110224678912", ["username"] = "nelly" };
                    sequence = resume["seq"]!.GetValue<long>();
                    if (sequence < 3)
                    {
                        await socket.SendAsync(Gateway(0, new JsonObject { ["id"] = "1104497513541374042", ["channel_id"] = "41771983423143937", ["content"] = "missed", ["author"] = user2 }, sequence = 3, "MESSAGE_CREATE"));
                    }

                    await socket.SendAsync(Gateway(0, null, ++sequence, "RESUMED"));
                    break;
                case 2 when socket.Query("script") == "reconnect":
                    var first = new JsonObject { ["id"] = "80351110224678912", ["username"] = "nelly" };
                    await socket.SendAsync(Gateway(0, new JsonObject { ["v"] = 10, ["user"] = first, ["session_id"] = SessionId, ["resume_gateway_url"] = resumeUrl }, ++sequence, "READY"));
                    await socket.SendAsync(Gateway(0, new JsonObject { ["id"] = "41771983423143937", ["name"] = "Discord Developers" }, ++sequence, "GUILD_CREATE"));
                    await socket.SendAsync(Gateway(1, null, null, null));   // op 7 follows the heartbeat this asks for
                    break;
                case 1 when socket.Query("script") == "reconnect" && socket.Query("gateway") != "resume":
                    await socket.SendAsync(Gateway(7, null, null, null));
                    await socket.CloseAsync(4000, "Reconnect.");
                    return;
                case 2:
                    var user = new JsonObject { ["id"] = "80351110224678912", ["username"] = "nelly", ["discriminator"] = "0" };
                    await socket.SendAsync(Gateway(0, new JsonObject { ["v"] = 10, ["user"] = user, ["session_id"] = SessionId, ["resume_gateway_url"] = "wss://gateway-resume.example/", ["guilds"] = new JsonArray() }, ++sequence, "READY"));
                    await socket.SendAsync(Gateway(0, new JsonObject { ["id"] = "41771983423143937", ["name"] = "Discord Developers", ["member_count"] = 2 }, ++sequence, "GUILD_CREATE"));
                    await socket.SendAsync(Gateway(0, new JsonObject { ["id"] = "1104497513541374042", ["channel_id"] = "41771983423143937", ["content"] = "hello", ["author"] = user.DeepClone() }, ++sequence, "MESSAGE_CREATE"));
                    await socket.SendAsync(Gateway(0, new JsonObject { ["channel_id"] = "41771983423143937", ["user_id"] = "80351110224678912", ["timestamp"] = 1764500000 }, ++sequence, "TYPING_START"));
                    await socket.SendAsync(Gateway(1, null, null, null));
                    break;
            }
        }
    }

    private static JsonObject Gateway(int op, JsonNode? d, long? s, string? t) => new() { ["op"] = op, ["d"] = d, ["s"] = s, ["t"] = t };
}
