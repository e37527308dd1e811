using CpWebSocket.Generators.Tests.Infrastructure;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>
/// The generated file compiles next to any constructor the user writes: a constructor with the generated parameters
/// takes the generated one's place, and the generated chaining is unambiguous beside any other overload.
/// </summary>
public sealed class UserConstructorTests
{
    private const string Client = """
        using System;
        using CpWebSocket;

        namespace App;

        [Message("ping")] public sealed record Ping;

        [WebSocketClient]
        [Sends(typeof(Ping))]
        public sealed partial class PingClient
        {
            public string? Token { get; private set; }

        """;

    public static TheoryData<string> UserConstructors { get; } = new()
    {
        // A token beside the url, chained to the generated constructor.
        """
        public PingClient(Uri url, string? token) : this(url, (HttpWebSocketOptions?)null) => Token = token;
        """,
        // Any reference type in second place would make this(url, null) ambiguous.
        """
        public PingClient(Uri url, object? state) : this(url) => Token = state?.ToString();
        public PingClient(Uri url, Uri? proxy) : this(url, (HttpWebSocketOptions?)null) => Token = proxy?.Host;
        """,
        // The generated parameters, written by the user.
        """
        public PingClient(Uri url) : this(url, new HttpWebSocketOptions()) => Token = "default";
        """,
        """
        public PingClient(Uri url, HttpWebSocketOptions? options) : base(url, options, __Router) => Token = "options";
        """,
        """
        public PingClient(Uri url) : this(url, new HttpWebSocketOptions()) => Token = "both";
        public PingClient(Uri url, HttpWebSocketOptions options) : base(url, options, __Router) { }
        """,
        // Optional parameters, another first parameter, by-reference parameters.
        """
        public PingClient(Uri url, HttpWebSocketOptions? options = null, string? token = null) : base(url, options, __Router) => Token = token;
        public PingClient(string url) : this(new Uri(url)) { }
        public PingClient(in Uri url, int retries) : this(url) { }
        """,
    };

    [Theory]
    [MemberData(nameof(UserConstructors))]
    public void The_generated_file_compiles_next_to_user_constructors(string constructors)
    {
        AnalyzerRun.VerifyNone(Client + constructors + """

            }

            public static class Use
            {
                public static PingClient[] All(Uri url) => [new PingClient(url), new PingClient(url, new HttpWebSocketOptions())];
            }
            """);
    }
}
