using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Samples.Shared;

namespace Samples.Chat;

/// <summary>
/// The embedded chat server: Kestrel on 127.0.0.1, a free port, the path <c>/chat</c>, logging off.
/// </summary>
/// <remarks>
/// The protocol, for anyone writing a server the sample can point at with <c>--url</c>:
/// <list type="bullet">
/// <item><c>{"type":"chat.join","room":R,"user":U}</c>: U joins R; everyone in R, U included, gets
/// <c>{"type":"chat.joined","room":R,"user":U,"members":N}</c>.</item>
/// <item><c>{"type":"chat.say","room":R,"text":T}</c>: everyone else in R gets
/// <c>{"type":"chat.said","room":R,"from":U,"text":T}</c>; the sender gets no copy.</item>
/// <item><c>{"type":"chat.who","id":I,"room":R}</c>: the sender gets <c>{"type":"chat.members","id":I,"room":R,"users":[...]}</c>,
/// the same id, so its client can match the answer to the request.</item>
/// <item>Any other text frame gets <c>{"type":"server.notice","text":...}</c>.</item>
/// <item>A binary frame comes back as a binary frame: <c>echo:</c> in ASCII, then the same bytes.</item>
/// </list>
/// </remarks>
internal sealed class ChatServer : IAsyncDisposable
{
    /// <summary>The path clients connect to.</summary>
    public const string Path = "/chat";

    private static readonly byte[] EchoTag = "echo:"u8.ToArray();

    // The default encoder escapes quotes, apostrophes and non-ASCII for embedding in HTML; these messages only
    // travel over the websocket, where readable JSON is enough.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly object _gate = new();
    private readonly Dictionary<string, List<ChatMember>> _rooms = new(StringComparer.Ordinal);
    private LoopbackWebSocketHost? _host;

    private ChatServer()
    {
    }

    /// <summary>The websocket address of the chat endpoint, once started.</summary>
    public Uri Url => _host!.Url;

    /// <summary>Starts a server on 127.0.0.1 with a port the system picks.</summary>
    public static async Task<ChatServer> StartAsync()
    {
        var server = new ChatServer();
        server._host = await LoopbackWebSocketHost.StartAsync(Path, server.RunMemberAsync);
        return server;
    }

    /// <summary>Stops the server: open connections are cancelled, then Kestrel stops.</summary>
    public ValueTask DisposeAsync() => _host?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task RunMemberAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        var member = new ChatMember(socket);
        try
        {
            var message = new ArrayBufferWriter<byte>(4096);
            while (await WebSocketMessageReader.ReadAsync(socket, message, member.CloseOutputAsync, cancellationToken) is { } type)
            {
                if (type == WebSocketMessageType.Binary)
                {
                    await member.SendAsync((byte[])[.. EchoTag, .. message.WrittenSpan], WebSocketMessageType.Binary, cancellationToken);
                }
                else
                {
                    await HandleTextAsync(member, message.WrittenMemory, cancellationToken);
                }
            }
        }
        finally
        {
            Leave(member);
        }
    }

    private async Task HandleTextAsync(ChatMember member, ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8);
        }
        catch (JsonException)
        {
            await NoticeAsync(member, $"this server speaks JSON chat messages (chat.join, chat.say, chat.who); got: {Clip(utf8.Span)}", cancellationToken);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            var type = GetString(root, "type");
            var room = GetString(root, "room");
            switch (type)
            {
                case "chat.join" when room is not null && GetString(root, "user") is { } user:
                    await JoinAsync(member, room, user, cancellationToken);
                    break;
                case "chat.say" when room is not null && GetString(root, "text") is { } text:
                    await SayAsync(member, room, text, cancellationToken);
                    break;
                case "chat.who" when room is not null && root.TryGetProperty("id", out var id):
                    await WhoAsync(member, room, id, cancellationToken);
                    break;
                case "chat.join":
                    await NoticeAsync(member, "chat.join needs a room and a user.", cancellationToken);
                    break;
                case "chat.say":
                    await NoticeAsync(member, "chat.say needs a room and a text.", cancellationToken);
                    break;
                default:
                    await NoticeAsync(member, $"unknown message type '{type}'; this server speaks chat.join, chat.say and chat.who.", cancellationToken);
                    break;
            }
        }
    }

    private async Task JoinAsync(ChatMember member, string room, string user, CancellationToken cancellationToken)
    {
        ChatMember[] everyone;
        lock (_gate)
        {
            member.User = user;
            if (!_rooms.TryGetValue(room, out var members))
            {
                members = [];
                _rooms.Add(room, members);
            }

            if (!members.Contains(member))
            {
                members.Add(member);
            }

            everyone = [.. members];
        }

        var joined = Encode("chat.joined", writer =>
        {
            writer.WriteString("room", room);
            writer.WriteString("user", user);
            writer.WriteNumber("members", everyone.Length);
        });
        foreach (var recipient in everyone)
        {
            await recipient.SendAsync(joined, WebSocketMessageType.Text, cancellationToken);
        }
    }

    private async Task SayAsync(ChatMember member, string room, string text, CancellationToken cancellationToken)
    {
        ChatMember[]? others;
        string? from;
        lock (_gate)
        {
            from = member.User;
            others = _rooms.TryGetValue(room, out var members) && members.Contains(member)
                ? [.. members.Where(other => other != member)]
                : null;
        }

        if (others is null || from is null)
        {
            await NoticeAsync(member, $"join {room} before saying something there.", cancellationToken);
            return;
        }

        var said = Encode("chat.said", writer =>
        {
            writer.WriteString("room", room);
            writer.WriteString("from", from);
            writer.WriteString("text", text);
        });
        foreach (var recipient in others)
        {
            await recipient.SendAsync(said, WebSocketMessageType.Text, cancellationToken);
        }
    }

    private async Task WhoAsync(ChatMember member, string room, JsonElement id, CancellationToken cancellationToken)
    {
        string[] users;
        lock (_gate)
        {
            users = _rooms.TryGetValue(room, out var members) ? [.. members.Select(other => other.User ?? "?")] : [];
        }

        var answer = Encode("chat.members", writer =>
        {
            writer.WritePropertyName("id");
            id.WriteTo(writer); // the request's id, as it came
            writer.WriteString("room", room);
            writer.WriteStartArray("users");
            foreach (var user in users)
            {
                writer.WriteStringValue(user);
            }

            writer.WriteEndArray();
        });
        await member.SendAsync(answer, WebSocketMessageType.Text, cancellationToken);
    }

    private void Leave(ChatMember member)
    {
        lock (_gate)
        {
            foreach (var members in _rooms.Values)
            {
                members.Remove(member);
            }
        }
    }

    private static Task NoticeAsync(ChatMember member, string text, CancellationToken cancellationToken) =>
        member.SendAsync(Encode("server.notice", writer => writer.WriteString("text", text)), WebSocketMessageType.Text, cancellationToken);

    /// <summary>Writes one flat message: the discriminator first, then the properties <paramref name="write"/> adds.</summary>
    private static byte[] Encode(string type, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            write(writer);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static string? GetString(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static string Clip(ReadOnlySpan<byte> utf8)
    {
        const int MaxLength = 40;
        var text = Encoding.UTF8.GetString(utf8);
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
    }
}
