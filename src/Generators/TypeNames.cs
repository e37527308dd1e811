namespace CpWebSocket.Generators;

/// <summary>Metadata names of the types the generator and the analyzer look for.</summary>
internal static class TypeNames
{
    /// <summary>The namespace of the attributes users write.</summary>
    public const string ContractsNamespace = "CpWebSocket";

    /// <summary>The namespace of the runtime types generated code uses.</summary>
    public const string MessagingNamespace = "CpWebSocket.Messaging";

    /// <summary><c>[WebSocketClient]</c>, which marks a class to generate.</summary>
    public const string WebSocketClientAttribute = "CpWebSocket.WebSocketClientAttribute";

    /// <summary><c>[Message]</c>, which gives a contract type its discriminator.</summary>
    public const string MessageAttribute = "CpWebSocket.MessageAttribute";

    /// <summary><c>[Sends]</c>, which lists a type the client sends.</summary>
    public const string SendsAttribute = "CpWebSocket.SendsAttribute";

    /// <summary><c>[Receives]</c>, which lists a type the client receives.</summary>
    public const string ReceivesAttribute = "CpWebSocket.ReceivesAttribute";

    /// <summary>The base class of every generated client.</summary>
    public const string MessageClient = "CpWebSocket.Messaging.MessageClient";

    /// <summary>The System.Text.Json source generation context base class.</summary>
    public const string JsonSerializerContext = "System.Text.Json.Serialization.JsonSerializerContext";

    /// <summary>The attribute that adds a type to a <c>JsonSerializerContext</c>.</summary>
    public const string JsonSerializableAttribute = "System.Text.Json.Serialization.JsonSerializableAttribute";

    /// <summary>The metadata type a <c>JsonSerializerContext</c> exposes for each type it serializes.</summary>
    public const string JsonTypeInfoOfT = "System.Text.Json.Serialization.Metadata.JsonTypeInfo`1";

    /// <summary>The <c>WebSocketClientAttribute.DiscriminatorProperty</c> named argument.</summary>
    public const string DiscriminatorPropertyArgument = "DiscriminatorProperty";

    /// <summary>The <c>WebSocketClientAttribute.PayloadProperty</c> named argument.</summary>
    public const string PayloadPropertyArgument = "PayloadProperty";

    /// <summary>The <c>WebSocketClientAttribute.SerializerContext</c> named argument.</summary>
    public const string SerializerContextArgument = "SerializerContext";

    /// <summary>The discriminator property used when none is named.</summary>
    public const string DefaultDiscriminatorProperty = "type";

    public const string ResponseInterface = "CpWebSocket.IResponse`2";

    public const string RequestIdPropertyArgument = "RequestIdProperty";

    public const string RequestIdLocationArgument = "RequestIdLocation";

    public const string RequestIdKindArgument = "RequestIdKind";

    /// <summary>The value of <c>RequestIdLocation.Payload</c>.</summary>
    public const int RequestIdLocationPayload = 1;

    /// <summary>The value of <c>RequestIdKind.String</c>.</summary>
    public const int RequestIdKindString = 1;

    public const string ReturnsArgument = "Returns";

    public const string MethodNameArgument = "MethodName";

    public const string TimeoutMillisecondsArgument = "TimeoutMilliseconds";
}
