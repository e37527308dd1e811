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

    /// <summary><c>System.Uri</c>, the first parameter of the generated constructors.</summary>
    public const string Uri = "System.Uri";

    /// <summary>The connection options, the second parameter of the generated constructors.</summary>
    public const string HttpWebSocketOptions = "CpWebSocket.HttpWebSocketOptions";

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

    /// <summary>What a request declared <c>Returns = typeof(void)</c> reads its result as.</summary>
    public const string NoResult = "CpWebSocket.NoResult";

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

    /// <summary><c>[Route]</c>, which routes one first-level value by a second.</summary>
    public const string RouteAttribute = "CpWebSocket.RouteAttribute";

    /// <summary><c>[EnvelopeConstant]</c>, a member written into every sent message.</summary>
    public const string EnvelopeConstantAttribute = "CpWebSocket.EnvelopeConstantAttribute";

    /// <summary><c>[PayloadValue]</c>, the member that is a contract's whole payload.</summary>
    public const string PayloadValueAttribute = "CpWebSocket.PayloadValueAttribute";

    /// <summary>The <c>RouteAttribute.By</c> named argument.</summary>
    public const string ByArgument = "By";

    /// <summary>The <c>RouteAttribute.Payload</c> named argument.</summary>
    public const string RoutePayloadArgument = "Payload";

    public const string NamingPolicyArgument = "NamingPolicy";

    public const string NumberHandlingArgument = "NumberHandling";

    public const string DefaultIgnoreConditionArgument = "DefaultIgnoreCondition";

    public const string EnvelopeArgument = "Envelope";

    public const string ResponsesArgument = "Responses";

    public const string ErrorResponseArgument = "ErrorResponse";

    /// <summary>The value of <c>JsonKnownNamingPolicy.CamelCase</c>, the clients' default.</summary>
    public const int CamelCaseNamingPolicy = 1;

    /// <summary>The value of <c>JsonNumberHandling.AllowReadingFromString</c>, the clients' default.</summary>
    public const int AllowReadingFromString = 1;

    /// <summary>The <c>JsonNumberHandling.WriteAsString</c> flag.</summary>
    public const int WriteAsString = 2;

    /// <summary>The value of <c>JsonIgnoreCondition.Never</c>, the clients' default.</summary>
    public const int IgnoreNever = 0;

    /// <summary>The value of <c>JsonIgnoreCondition.Always</c>, which leaves a member out entirely.</summary>
    public const int IgnoreAlways = 1;

    /// <summary>The value of <c>JsonSerializerDefaults.Web</c>.</summary>
    public const int WebDefaults = 1;

    public const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";

    public const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";

    public const string JsonIncludeAttribute = "System.Text.Json.Serialization.JsonIncludeAttribute";

    public const string JsonConverterAttribute = "System.Text.Json.Serialization.JsonConverterAttribute";

    public const string JsonExtensionDataAttribute = "System.Text.Json.Serialization.JsonExtensionDataAttribute";

    public const string JsonConstructorAttribute = "System.Text.Json.Serialization.JsonConstructorAttribute";

    public const string JsonSourceGenerationOptionsAttribute = "System.Text.Json.Serialization.JsonSourceGenerationOptionsAttribute";

    public const string JsonElement = "System.Text.Json.JsonElement";

    public const string EquatableOfT = "System.IEquatable`1";

    /// <summary>An async stream, which can never answer a request.</summary>
    public const string AsyncEnumerableOfT = "System.Collections.Generic.IAsyncEnumerable`1";

    /// <summary>The enumerator of an async stream.</summary>
    public const string AsyncEnumeratorOfT = "System.Collections.Generic.IAsyncEnumerator`1";

    /// <summary><c>System.Type</c>, which System.Text.Json refuses to serialize.</summary>
    public const string SystemType = "System.Type";

    /// <summary>The base of the reflection types, which System.Text.Json refuses to serialize.</summary>
    public const string MemberInfo = "System.Reflection.MemberInfo";
}
