using CpWebSocket.Documentation;

namespace CpWebSocket.Tests.Readme;

/// <summary>The README's AsyncAPI block, compiled and run: the document saved as YAML and written as JSON.</summary>
public sealed class AsyncApiReadmeExample
{
    [Fact]
    public async Task The_readme_document_is_saved_as_yaml_and_written_as_json()
    {
        var cancellationToken = CancellationToken.None;
        if (File.Exists("docs/chat.asyncapi.yaml"))
        {
            File.Delete("docs/chat.asyncapi.yaml");   // the file read below is the one this run wrote
        }

        // README: asyncapi (begin)
        AsyncApiDocument document = AsyncApiDocument.Create(ChatClient.Contracts);         // CpWebSocket.Documentation
        await document.SaveAsync("docs/chat.asyncapi.yaml", cancellationToken);             // YAML; JSON for any other extension
        string json = document.ToJson();
        // README: asyncapi (end)

        Assert.Equal(document.ToYaml(), File.ReadAllText(Path.GetFullPath("docs/chat.asyncapi.yaml")));
        Assert.StartsWith("asyncapi: 3.0.0\n", document.ToYaml(), StringComparison.Ordinal);
        Assert.StartsWith("{\n  \"asyncapi\": \"3.0.0\",\n", json, StringComparison.Ordinal);
    }
}
