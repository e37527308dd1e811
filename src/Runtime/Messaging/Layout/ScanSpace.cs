using System.Runtime.CompilerServices;

namespace CpWebSocket.Messaging.Layout;

/// <summary>
/// Room on the stack for a pass's slots, of a fixed size. A <c>stackalloc</c> of a computed length would make the
/// router's method one the runtime compiles once, without the profile its later tiers use (a method with a dynamic
/// stack allocation cannot be swapped while its loop runs); a fixed-size local leaves it to the usual tiers. Layouts
/// that watch more members than it holds use an array.
/// </summary>
[InlineArray(Length)]
internal struct SlotSpace
{
    /// <summary>How many slots fit.</summary>
    public const int Length = 16;

    private FieldSlot _first;
}

/// <summary>Room on the stack for a pass's entered objects, of a fixed size (see <see cref="SlotSpace"/>).</summary>
[InlineArray(Length)]
internal struct DepthSpace
{
    /// <summary>How many entries fit: two per level of nesting.</summary>
    public const int Length = 16;

    private int _first;
}
