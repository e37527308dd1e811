using System.Text.Json;
using CpWebSocket.Generators.Inspection;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>The analyzer's prediction of JSON names must match what System.Text.Json really writes.</summary>
public sealed class JsonPropertyNamesTests
{
    [Theory]
    [InlineData("Type")]
    [InlineData("type")]
    [InlineData("URL")]
    [InlineData("URLValue")]
    [InlineData("ID")]
    [InlineData("IOStream")]
    [InlineData("A")]
    [InlineData("AB CD")]
    [InlineData("Éclair")]
    [InlineData("_Type")]
    [InlineData("X1")]
    public void Camel_case_matches_System_Text_Json(string name)
    {
        Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(name), JsonPropertyNames.ToCamelCase(name));
    }
}
