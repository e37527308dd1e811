using System.Text.Json.Nodes;
using CpWebSocket.Documentation;
using CpWebSocket.Tests.Documentation.Clients;

namespace CpWebSocket.Tests.Documentation;

/// <summary>A type System.Text.Json reads with a converter of its own is described as any value, in an object schema.</summary>
public sealed class ConverterSchemaTests
{
    [Fact]
    public void A_reply_read_by_its_own_converter_has_an_object_schema()
    {
        // The exporter says "true" (any value) of NoResult; AsyncAPI's components hold schema objects only.
        var schemas = AsyncApiDocument.Create(TouchClient.Contracts).ToJsonNode()["components"]!["schemas"]!.AsObject();

        var noResult = Assert.IsType<JsonObject>(schemas.Single(schema => schema.Key != "Touch").Value);
#if NET9_0_OR_GREATER
        Assert.Empty(noResult);
#endif
    }
}
