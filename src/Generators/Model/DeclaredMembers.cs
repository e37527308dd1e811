using System;

namespace CpWebSocket.Generators.Model;

/// <summary>
/// Which of the generated members the user already declared: those are not generated, so the generated file compiles
/// next to any user code.
/// </summary>
[Flags]
internal enum DeclaredMembers
{
    /// <summary>None: every member is generated.</summary>
    None = 0,

    /// <summary>A constructor <c>(Uri url)</c>.</summary>
    UrlConstructor = 1,

    /// <summary>A constructor <c>(Uri url, HttpWebSocketOptions? options)</c>.</summary>
    UrlAndOptionsConstructor = 2,

    /// <summary>Any member named <c>Contracts</c> (property, method, field, nested type...): the static <c>Contracts</c> is left out.</summary>
    Contracts = 4,
}
