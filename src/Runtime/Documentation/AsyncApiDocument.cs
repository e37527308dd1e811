using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CpWebSocket.Documentation;

/// <summary>
/// The AsyncAPI 3.0 document of a generated client: one channel for its connection; an operation for each message it
/// sends, each request (with the reply it waits for) and each message it receives; and for each contract a message
/// whose payload schema is the whole message as it stands on the wire: its discriminator(s), its envelope (flat or
/// wrapped, request id, constant members, the members beside the payload) and the JSON Schema of its record as
/// System.Text.Json reads and writes it with the client's settings. The same declarations give the same bytes.
/// </summary>
/// <remarks>
/// The record schemas come from System.Text.Json's <c>JsonSchemaExporter</c>, which .NET 9 and later have: a document
/// made by the .NET 8 build describes each record with an empty schema that says so. The <c>cpws-asyncapi</c> command
/// runs on .NET 10 and writes complete documents for apps of every target.
/// </remarks>
/// <example>
/// <code language="csharp">
/// AsyncApiDocument document = AsyncApiDocument.Create(ChatClient.Contracts);
/// await document.SaveAsync("docs/chat.asyncapi.yaml", cancellationToken);     // YAML, or JSON for any other extension
/// string json = document.ToJson();
/// </code>
/// </example>
public sealed class AsyncApiDocument
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        // Patterns and descriptions read as written ("+", "'", "<"): the document is a file, not HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly JsonObject _root;

    private AsyncApiDocument(ClientContracts contracts, JsonObject root, IReadOnlyDictionary<Type, string> messageIds)
    {
        Contracts = contracts;
        _root = root;
        MessageIds = messageIds;
    }

    /// <summary>The contracts the document describes.</summary>
    public ClientContracts Contracts { get; }

    /// <summary>The id of each contract type's message in <c>components/messages</c>.</summary>
    internal IReadOnlyDictionary<Type, string> MessageIds { get; }

    /// <summary>Whether the document has the JSON Schema of every record: documents made on .NET 9 and later do.</summary>
    public static bool HasPayloadSchemas => PayloadSchemas.Exported;

    /// <summary>Describes a client from its contracts (a generated client's static <c>Contracts</c> property).</summary>
    /// <param name="contracts">The client's contracts.</param>
    /// <param name="options">The title, version and server the document names; <see langword="null"/> for the defaults.</param>
    /// <returns>The document.</returns>
    /// <exception cref="InvalidOperationException">The serializer has no metadata for a type the contracts use.</exception>
    public static AsyncApiDocument Create(ClientContracts contracts, AsyncApiOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        var builder = new AsyncApiBuilder(contracts, options ?? new AsyncApiOptions());
        var root = builder.Build();
        return new AsyncApiDocument(contracts, root, builder.MessageIds);
    }

    /// <summary>Describes a generated client class (for tools that find clients in an assembly).</summary>
    /// <param name="clientType">A class the generator completed.</param>
    /// <param name="options">The title, version and server the document names; <see langword="null"/> for the defaults.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentException">The type is not a generated client.</exception>
    public static AsyncApiDocument Create(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type clientType,
        AsyncApiOptions? options = null) =>
        Create(ClientContracts.Of(clientType), options);

    /// <summary>The document as a JSON tree (a copy: changing it does not change the document).</summary>
    /// <returns>The root object.</returns>
    public JsonObject ToJsonNode() => (JsonObject)_root.DeepClone();

    /// <summary>The document as indented JSON, with <c>\n</c> line ends and a final one.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            _root.WriteTo(writer);
        }

        // .NET 8's writer ends lines the platform's way; every build writes the same bytes.
        return Encoding.UTF8.GetString(buffer.WrittenSpan).ReplaceLineEndings("\n") + "\n";
    }

    /// <summary>The document as YAML (block style, <c>\n</c> line ends), which AsyncAPI tools read as well as JSON.</summary>
    /// <returns>The YAML text.</returns>
    public string ToYaml() => YamlWriter.Write(_root);

    /// <summary>Writes the document to a file: YAML for a <c>.yaml</c> or <c>.yml</c> name, JSON otherwise; UTF-8 without a byte order mark.</summary>
    /// <param name="path">The file; its folder is created when missing, and an existing file is replaced.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes once the file is written.</returns>
    public async Task SaveAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var extension = Path.GetExtension(path);
        var text = extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase)
            ? ToYaml()
            : ToJson();
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override string ToString() => $"AsyncAPI 3.0.0 document of {Contracts.ClientType.Name}";
}
