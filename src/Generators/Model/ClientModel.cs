namespace CpWebSocket.Generators.Model;

/// <summary>
/// Everything the emitter needs to write one websocket client class.
/// </summary>
/// <remarks>
/// Holds only strings, bools, enums and <see cref="EquatableArray{T}"/>: never a symbol, a syntax node,
/// a <c>Location</c> or the compilation, so that value equality lets the incremental pipeline skip
/// unchanged clients and no compilation is kept alive by a cached model.
/// </remarks>
/// <param name="FullMetadataName">The dotted metadata name (<c>App.Outer`1.ChatClient</c>) the hint name is built from.</param>
/// <param name="Namespace">The containing namespace as written in C# (keywords escaped), or <see langword="null"/> for the global namespace.</param>
/// <param name="ContainingTypes">The types the client is nested in, outermost first.</param>
/// <param name="ClassName">The client class name as a C# identifier (keywords escaped).</param>
/// <param name="DiscriminatorProperty">The JSON property that carries the discriminator.</param>
/// <param name="PayloadProperty">The JSON property that wraps the payload, or <see langword="null"/> for flat messages.</param>
/// <param name="SerializerContextTypeName">The <c>global::</c> name of the <c>JsonSerializerContext</c>, or <see langword="null"/> for reflection-based serialization.</param>
/// <param name="SentMessages">The sent contracts, in attribute declaration order.</param>
/// <param name="ReceivedMessages">The received contracts, in attribute declaration order.</param>
/// <param name="RequestId">Where and how request ids are written, or <see langword="null"/> for a client without requests.</param>
internal sealed record ClientModel(
    string FullMetadataName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string ClassName,
    string DiscriminatorProperty,
    string? PayloadProperty,
    string? SerializerContextTypeName,
    EquatableArray<ContractModel> SentMessages,
    EquatableArray<ContractModel> ReceivedMessages,
    RequestIdModel? RequestId = null);
