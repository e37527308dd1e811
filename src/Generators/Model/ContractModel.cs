namespace CpWebSocket.Generators.Model;

/// <summary>
/// One message type a client sends or receives. Holds only strings and enums (see <see cref="ClientModel"/>).
/// </summary>
/// <param name="TypeName">The fully qualified <c>global::</c> type name, keywords escaped.</param>
/// <param name="MemberName">The simple type name the generated member names are built from (<c>Said</c> gives <c>SaidReceived</c>).</param>
/// <param name="DiscriminatorKind">Whether the discriminator is a string or an integer.</param>
/// <param name="DiscriminatorValue">The string value, or the integer in invariant decimal digits.</param>
/// <param name="Accessibility">The accessibility of the members that expose the type.</param>
/// <param name="Request">For a sent contract declared with <c>Returns</c>: its response; otherwise <see langword="null"/>.</param>
/// <param name="Second">The second-level value, for a contract of a routed first level; otherwise <see langword="null"/>.</param>
/// <param name="PayloadValue">The member that is the whole payload (<c>[PayloadValue]</c>), or <see langword="null"/>.</param>
internal sealed record ContractModel(
    string TypeName,
    string MemberName,
    DiscriminatorKind DiscriminatorKind,
    string DiscriminatorValue,
    MemberAccessibility Accessibility,
    RequestModel? Request = null,
    SecondLevelModel? Second = null,
    PayloadValueModel? PayloadValue = null)
{
    /// <summary>The contract's key.</summary>
    public KeyModel Key => new(DiscriminatorKind, DiscriminatorValue, Second);
}
