namespace CpWebSocket.Generators.Model;

/// <summary>The kind of a type declaration that contains a client class.</summary>
internal enum ContainingTypeKind
{
    /// <summary><c>class</c>.</summary>
    Class,

    /// <summary><c>struct</c>.</summary>
    Struct,

    /// <summary><c>record</c> (a record class).</summary>
    Record,

    /// <summary><c>record struct</c>.</summary>
    RecordStruct,

    /// <summary><c>interface</c>.</summary>
    Interface,
}
