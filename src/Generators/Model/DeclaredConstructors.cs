using System;

namespace CpWebSocket.Generators.Model;

/// <summary>Which of the generated constructors the user already declared, with the same parameter types.</summary>
[Flags]
internal enum DeclaredConstructors
{
    /// <summary>Neither: both are generated.</summary>
    None = 0,

    /// <summary><c>(Uri url)</c>.</summary>
    Url = 1,

    /// <summary><c>(Uri url, HttpWebSocketOptions? options)</c>.</summary>
    UrlAndOptions = 2,
}
