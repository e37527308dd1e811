using System.Text.Json;
using System.Text.Json.Serialization;

namespace CpWebSocket.Tests.Reliability.Properties;

/// <summary>Generated metadata for <see cref="Specimen"/>, with the web defaults.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Specimen))]
internal sealed partial class PropertyJsonContext : JsonSerializerContext;
