using CpWebSocket.Documentation;
using CpWebSocket.Tests.AsyncApi;

namespace CpWebSocket.Tests.Documentation;

/// <summary>The official AsyncAPI parser accepts the document of every client the tests declare, in JSON and in YAML.</summary>
public sealed class ParserAcceptanceTests
{
    [Fact]
    public async Task The_parser_accepts_the_document_of_every_client_of_the_tests()
    {
        Assert.True(DocumentedClients.All.Count >= 20, $"only {DocumentedClients.All.Count} clients were found");
        var checks = new List<DocumentCheck>();
        foreach (var contracts in DocumentedClients.All)
        {
            var document = AsyncApiDocument.Create(contracts);
            checks.Add(new DocumentCheck(contracts.ClientType.FullName + " (JSON)", document.ToJson()));
            checks.Add(new DocumentCheck(contracts.ClientType.FullName + " (YAML)", document.ToYaml()));
        }

        var verdicts = await AsyncApiValidator.CheckAsync(checks);

        var refused = verdicts.Where(verdict => verdict.Errors.Count > 0).Select(verdict => $"{verdict.Name}:\n  " + string.Join("\n  ", verdict.Errors)).ToArray();
        Assert.True(refused.Length == 0, string.Join("\n", refused));
        Assert.Equal(checks.Count, verdicts.Count);
    }

    [Fact]
    public async Task The_parser_refuses_a_document_that_breaks_the_specification()
    {
        // The same harness must be able to say no: an operation whose action is neither send nor receive.
        var document = AsyncApiDocument.Create(Readme.ChatClient.Contracts).ToJsonNode();
        document["operations"]!["sendSay"]!["action"] = "publish";

        var verdict = (await AsyncApiValidator.CheckAsync([new DocumentCheck("broken", document.ToJsonString())])).Single();

        Assert.Contains(verdict.Errors, error => error.Contains("action", StringComparison.Ordinal));
    }
}
