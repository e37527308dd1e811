using CpWebSocket.Generators.Tests.Infrastructure;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>The default names of generated members.</summary>
public sealed class GeneratedNamesTests
{
    [Theory]
    [InlineData("GetRooms", "GetRoomsAsync")]
    [InlineData("GetRoomsRequest", "GetRoomsAsync")]
    [InlineData("JoinRoomRequest", "JoinRoomAsync")]
    [InlineData("GetOBSVersionRequest", "GetOBSVersionAsync")]
    [InlineData("Get2FARequest", "Get2FAAsync")]
    [InlineData("Ping_Pong_Request", "Ping_PongAsync")]
    [InlineData("ObsRequest", "ObsRequestAsync")]
    [InlineData("OBSRequest", "OBSRequestAsync")]
    [InlineData("PingRequest", "PingRequestAsync")]
    [InlineData("Subscribe_Request", "Subscribe_RequestAsync")]
    [InlineData("Request", "RequestAsync")]
    [InlineData("MyRequests", "MyRequestsAsync")]
    public void A_request_method_drops_the_Request_suffix_only_after_two_words_or_more(string typeName, string methodName)
        => Assert.Equal(methodName, GeneratedNames.RequestMethod(typeName));

    [Theory]
    [InlineData("Obs", 1)]
    [InlineData("OBS", 1)]
    [InlineData("GetVersion", 2)]
    [InlineData("OBSScene", 2)]
    [InlineData("getVersion", 2)]
    [InlineData("Get2FA", 2)]
    [InlineData("ha_call_service", 3)]
    [InlineData("", 0)]
    public void Words_of_a_name_are_counted_by_their_capitals_and_underscores(string name, int words)
        => Assert.Equal(words, GeneratedNames.WordCount(name));

    [Fact]
    public void The_generated_client_names_its_request_methods_by_the_rule()
    {
        var source = GeneratorRun.Of("""
            using CpWebSocket;

            namespace Obs;

            [Message(6)] public sealed record ObsRequest(string RequestType);
            [Message(6, "GetVersion")] public sealed record GetVersionRequest;
            public sealed record Reply(string RequestType);

            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", RequestIdProperty = "requestId", RequestIdLocation = RequestIdLocation.Payload, RequestIdKind = RequestIdKind.String)]
            [Sends(typeof(ObsRequest), Returns = typeof(Reply))]
            public sealed partial class ObsClient;

            [WebSocketClient(DiscriminatorProperty = "op", PayloadProperty = "d", RequestIdProperty = "requestId", RequestIdLocation = RequestIdLocation.Payload, RequestIdKind = RequestIdKind.String)]
            [Route(6, By = "d.requestType")]
            [Sends(typeof(GetVersionRequest), Returns = typeof(Reply))]
            public sealed partial class VersionClient;
            """).AssertGeneratorSucceeded().AssertCompiles().Sources;

        Assert.Contains("ObsRequestAsync(global::Obs.ObsRequest request", source["Obs.ObsClient.g.cs"], StringComparison.Ordinal);
        Assert.Contains("GetVersionAsync(global::Obs.GetVersionRequest request", source["Obs.VersionClient.g.cs"], StringComparison.Ordinal);
    }
}
