namespace CpWebSocket.Generators.Model;

/// <summary>The response side of a sent contract declared with <c>Returns</c>. Holds only strings and numbers (see <see cref="ClientModel"/>).</summary>
/// <param name="ResponseTypeName">The <c>global::</c> name of the response contract.</param>
/// <param name="MethodName">The name of the generated request method, a valid C# identifier.</param>
/// <param name="TimeoutMilliseconds">The contract's timeout: 0 for the client's default, -1 for none.</param>
/// <param name="ResultTypeName">When the response implements <c>IResponse&lt;TResult, TError&gt;</c>: the <c>global::</c> name of <c>TResult</c>; else <see langword="null"/>.</param>
/// <param name="ErrorTypeName">When the response implements <c>IResponse&lt;TResult, TError&gt;</c>: the <c>global::</c> name of <c>TError</c>; else <see langword="null"/>.</param>
/// <param name="ResponseKey">The response's discriminator, from its <c>[Message]</c>; <see langword="null"/> for a response without one.</param>
/// <param name="ReturnsNothing">Whether the request was declared <c>Returns = typeof(void)</c>: its method returns a plain task.</param>
internal sealed record RequestModel(
    string ResponseTypeName,
    string MethodName,
    int TimeoutMilliseconds,
    string? ResultTypeName,
    string? ErrorTypeName,
    KeyModel? ResponseKey = null,
    bool ReturnsNothing = false);
