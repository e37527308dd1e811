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

    public static TheoryData<string> Names => ["Type", "type", "URL", "URLValue", "ID", "IOStream", "A", "AB CD", "Éclair", "_Type", "X1", "SHA512Hash", "XMLHttpRequest", "eventData", "EntityId", "Some  Space", "A_B", "already_snake", "kebab-case", "ÀÉÎ", "Level2Up", "ABC123def"];

    [Theory]
    [MemberData(nameof(Names))]
    public void Snake_and_kebab_case_match_System_Text_Json(string name)
    {
        Assert.Equal(JsonNamingPolicy.SnakeCaseLower.ConvertName(name), JsonPropertyNames.Convert(name, 2));
        Assert.Equal(JsonNamingPolicy.SnakeCaseUpper.ConvertName(name), JsonPropertyNames.Convert(name, 3));
        Assert.Equal(JsonNamingPolicy.KebabCaseLower.ConvertName(name), JsonPropertyNames.Convert(name, 4));
        Assert.Equal(JsonNamingPolicy.KebabCaseUpper.ConvertName(name), JsonPropertyNames.Convert(name, 5));
        Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(name), JsonPropertyNames.Convert(name, 1));
        Assert.Equal(name, JsonPropertyNames.Convert(name, 0));
    }

    [Fact]
    public void An_unknown_policy_predicts_nothing()
    {
        Assert.Null(JsonPropertyNames.Convert("Name", JsonPropertyNames.Unknown));
    }
}
