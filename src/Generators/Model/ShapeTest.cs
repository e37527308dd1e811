namespace CpWebSocket.Generators.Model;

/// <summary>How the generated code tells that a deserialized member might be missing.</summary>
internal enum ShapeTest
{
    /// <summary>The member is not tested itself (optional); a nested shape may still be.</summary>
    None,

    /// <summary>A reference: <c>is null</c>.</summary>
    Null,

    /// <summary>A value type: equal to its default.</summary>
    Default,

    /// <summary>A <c>JsonElement</c>: its <c>ValueKind</c> is <c>Undefined</c>.</summary>
    UndefinedElement,
}
