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
/// <param name="Routes">The second-level routes, in declaration order.</param>
/// <param name="Constants">The members written into every sent message, in declaration order.</param>
/// <param name="Serialization">The serializer settings, for a client without a serializer context whose settings are not the web defaults; else <see langword="null"/>.</param>
/// <param name="EnvelopeTypeName">The <c>global::</c> name of the envelope record, or <see langword="null"/>.</param>
/// <param name="ErrorResponse">The error response, or <see langword="null"/>.</param>
/// <param name="Shapes">The shapes of the types the client reads, nested types before the types that hold them.</param>
/// <param name="DeclaredMembers">The generated members that the user already wrote (or whose name the user took): those are not generated.</param>
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
    RequestIdModel? RequestId = null,
    EquatableArray<RouteModel> Routes = default,
    EquatableArray<ConstantModel> Constants = default,
    SerializationModel? Serialization = null,
    string? EnvelopeTypeName = null,
    ErrorResponseModel? ErrorResponse = null,
    EquatableArray<ShapeModel> Shapes = default,
    DeclaredMembers DeclaredMembers = DeclaredMembers.None);
