namespace CpWebSocket.Diagnostics;

/// <summary>A contract's name as a tag value (its type's name), computed once per contract type.</summary>
/// <typeparam name="T">The contract.</typeparam>
internal static class ContractName<T>
{
    public static readonly string Value = typeof(T).Name;
}
