using System.Text.Json;
using System.Text.Json.Serialization;

namespace Samples.Chat;

/// <summary>
/// JSON metadata for every chat contract, generated at build time. The web defaults (camelCase, case-insensitive
/// reads) are those the Chat sample gets by reflection, so both put the same JSON on the wire. The build reports
/// a contract of <see cref="ChatClient"/> missing here (CPWS0005).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Join))]
[JsonSerializable(typeof(Say))]
[JsonSerializable(typeof(Said))]
[JsonSerializable(typeof(Joined))]
[JsonSerializable(typeof(Who))]
[JsonSerializable(typeof(Members))]
internal sealed partial class ChatJsonContext : JsonSerializerContext;
