namespace CpWebSocket.Generators.Model;

/// <summary>The error response of a client. Holds only strings (see <see cref="ClientModel"/>).</summary>
/// <param name="TypeName">The <c>global::</c> name of the error type.</param>
/// <param name="Key">Its discriminator.</param>
internal sealed record ErrorResponseModel(string TypeName, KeyModel Key);
