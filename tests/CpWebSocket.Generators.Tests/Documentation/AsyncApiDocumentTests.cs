using CpWebSocket.Documentation;
using CpWebSocket.Generators.Tests.Infrastructure;
using CpWebSocket.Tests.AsyncApi;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace CpWebSocket.Generators.Tests.Documentation;

/// <summary>
/// The AsyncAPI document of every client these tests declare: each set of sources that builds (no compiler error, no
/// CPWS error) is compiled with the generator, loaded, and each client's static <c>Contracts</c> made into a document,
/// which the official AsyncAPI parser must accept in JSON and in YAML.
/// </summary>
public sealed class AsyncApiDocumentTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_parser_accepts_the_document_of_every_client_the_generator_tests_declare()
    {
        // Several tests declare the same client: each distinct document is parsed once, under the names of all its clients.
        var documents = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var left = new List<string>();
        var clients = 0;
        foreach (var declared in DeclaredClientSources.All)
        {
            var run = GeneratorRun.Of([.. declared.Sources]);
            var errors = run.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error)
                .Concat(AnalyzerRun.Diagnose(run.Output).Where(d => d.Severity == DiagnosticSeverity.Error))
                .ToList();
            if (errors.Count > 0)
            {
                // A declaration the build refuses has no document to check (the diagnostic tests hold many on purpose).
                left.Add($"{declared.Place}: {errors[0].Id}");
                continue;
            }

            using var loaded = run.Load();
            foreach (var type in loaded.Assembly.GetTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
            {
                if (!ClientContracts.TryOf(type, out var contracts))
                {
                    continue;
                }

                clients++;
                var document = AsyncApiDocument.Create(contracts);
                var name = $"{declared.Place} {type.FullName}";
                foreach (var (text, format) in new[] { (document.ToJson(), "JSON"), (document.ToYaml(), "YAML") })
                {
                    if (!documents.TryGetValue(text, out var names))
                    {
                        documents[text] = names = [];
                    }

                    names.Add($"{name} ({format})");
                }
            }
        }

        // The tests declare over eighty clients that build; finding fewer means the search broke, not that all is well.
        Assert.True(clients >= 80, $"only {clients} clients were documented, from {DeclaredClientSources.All.Count} declarations; left out:\n" + string.Join("\n", left));

        output.WriteLine($"{DeclaredClientSources.All.Count} declarations, {left.Count} refused by the build, {clients} clients, {documents.Count} distinct documents (JSON and YAML)");
        var checks = documents.Select(document => new DocumentCheck(string.Join(", ", document.Value), document.Key)).ToList();
        var verdicts = await AsyncApiValidator.CheckAsync(checks);

        Assert.Equal(checks.Count, verdicts.Count);
        var refused = verdicts.Where(v => v.Errors.Count > 0).Select(v => $"{v.Name}:\n  " + string.Join("\n  ", v.Errors)).ToArray();
        Assert.True(refused.Length == 0, $"{refused.Length} of {verdicts.Count} documents refused:\n" + string.Join("\n", refused));
    }
}
