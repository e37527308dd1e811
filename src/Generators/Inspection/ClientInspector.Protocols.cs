using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CpWebSocket.Generators.Diagnostics;
using CpWebSocket.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CpWebSocket.Generators.Inspection;

/// <summary>
/// The declarations that make clients for real protocols: routes, constants, serializer settings, the envelope record,
/// responses and error responses, and value payloads. Their misdeclarations are kept as <see cref="DeclarationProblem"/>s,
/// each reported by the analyzer of its rule.
/// </summary>
internal sealed partial class ClientInspector
{
    private readonly List<DeclarationProblem> _problems = [];

    private void Problem(DiagnosticDescriptor rule, AttributeData? attribute, string? argument, params object?[] arguments)
        => _problems.Add(new DeclarationProblem(rule, attribute, argument, arguments));

    /// <summary>The naming policy, number handling and ignore condition the client declares.</summary>
    private ContextSettings InspectSerialization()
    {
        var declared = new ContextSettings(JsonPropertyNames.CamelCase, TypeNames.AllowReadingFromString, TypeNames.IgnoreNever);
        foreach (var argument in _clientAttribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case TypeNames.NamingPolicyArgument when argument.Value.Value is int policy:
                    declared = declared with { NamingPolicy = policy };
                    break;
                case TypeNames.NumberHandlingArgument when argument.Value.Value is int numbers:
                    declared = declared with { NumberHandling = numbers };
                    break;
                case TypeNames.DefaultIgnoreConditionArgument when argument.Value.Value is int ignore:
                    declared = declared with { IgnoreCondition = ignore };
                    break;
            }
        }

        return declared;
    }

    /// <summary>CPWS0031: where the context writes otherwise than the client declares.</summary>
    private void CompareContext(INamedTypeSymbol context, ContextSettings declared)
    {
        var written = ContextSettings.Of(context);
        if (written.NamingPolicy != declared.NamingPolicy)
        {
            Problem(
                DiagnosticDescriptors.SerializerContextDiffers,
                _clientAttribute,
                TypeNames.SerializerContextArgument,
                Display(context),
                "names members " + PolicyDescription(written.NamingPolicy),
                _client.Name,
                PolicyDescription(declared.NamingPolicy) + (HasNamedArgument(TypeNames.NamingPolicyArgument) ? string.Empty : " (the default)"),
                declared.NamingPolicy == JsonPropertyNames.CamelCase && written.NamingPolicy == JsonPropertyNames.AsDeclared
                    ? "add [JsonSourceGenerationOptions(JsonSerializerDefaults.Web)] to the context, or set NamingPolicy = JsonKnownNamingPolicy.Unspecified on the client"
                    : "give the context's [JsonSourceGenerationOptions] the same PropertyNamingPolicy as the client's NamingPolicy");
        }

        if ((written.NumberHandling & TypeNames.WriteAsString) != (declared.NumberHandling & TypeNames.WriteAsString))
        {
            Problem(
                DiagnosticDescriptors.SerializerContextDiffers,
                _clientAttribute,
                TypeNames.SerializerContextArgument,
                Display(context),
                (written.NumberHandling & TypeNames.WriteAsString) != 0 ? "writes numbers as strings" : "writes numbers as numbers",
                _client.Name,
                (declared.NumberHandling & TypeNames.WriteAsString) != 0 ? "numbers written as strings" : "numbers written as numbers",
                "make the NumberHandling of the context's [JsonSourceGenerationOptions] and of the client agree on JsonNumberHandling.WriteAsString");
        }

        if (written.IgnoreCondition != declared.IgnoreCondition)
        {
            Problem(
                DiagnosticDescriptors.SerializerContextDiffers,
                _clientAttribute,
                TypeNames.SerializerContextArgument,
                Display(context),
                "leaves out members " + IgnoreDescription(written.IgnoreCondition),
                _client.Name,
                "members left out " + IgnoreDescription(declared.IgnoreCondition),
                "give the context's [JsonSourceGenerationOptions] the same DefaultIgnoreCondition as the client");
        }
    }

    private static string PolicyDescription(int policy) => policy switch
    {
        0 => "as declared (PascalCase)",
        1 => "in camelCase",
        2 => "in snake_case",
        3 => "in SNAKE_CASE",
        4 => "in kebab-case",
        5 => "in KEBAB-CASE",
        _ => "with another policy",
    };

    private static string IgnoreDescription(int condition) => condition switch
    {
        0 => "never",
        2 => "when they hold their default value",
        3 => "when they are null",
        _ => "always",
    };

    private bool HasNamedArgument(string name)
    {
        foreach (var argument in _clientAttribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The usable routes; CPWS0026 and CPWS0027 for the others.</summary>
    private List<InspectedRoute> InspectRoutes(string discriminatorProperty, string? payloadProperty)
    {
        var routes = new List<InspectedRoute>();
        foreach (var attribute in _client.GetAttributes())
        {
            if (!attribute.AttributeClass.IsType(TypeNames.RouteAttribute)
                || attribute.ConstructorArguments.Length != 1
                || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
            {
                continue;
            }

            string? by = null;
            string? payload = null;
            foreach (var argument in attribute.NamedArguments)
            {
                switch (argument.Key)
                {
                    case TypeNames.ByArgument:
                        by = argument.Value.Value as string;
                        break;
                    case TypeNames.RoutePayloadArgument:
                        payload = argument.Value.Value as string;
                        break;
                }
            }

            if (!Discriminator.TryCreate(attribute.ConstructorArguments[0].Value, out var value))
            {
                Problem(DiagnosticDescriptors.InvalidRoute, attribute, null, "null", _client.Name, "its value is null or empty; give it the first-level value to route");
                continue;
            }

            var problem = RouteProblem(by, payload, discriminatorProperty, payloadProperty, out var argumentAtFault);
            if (problem is not null)
            {
                Problem(DiagnosticDescriptors.InvalidRoute, attribute, argumentAtFault, value.ToString(), _client.Name, problem);
                continue;
            }

            if (routes.Exists(r => r.Value == value))
            {
                Problem(DiagnosticDescriptors.DuplicateRoute, attribute, null, _client.Name, value.ToString());
                continue;
            }

            routes.Add(new InspectedRoute(attribute, value, by!, payload));
        }

        return routes;
    }

    private static string? RouteProblem(string? by, string? payload, string discriminatorProperty, string? payloadProperty, out string? argument)
    {
        argument = TypeNames.ByArgument;
        if (by is null || !IsPath(by))
        {
            return "By must name the second-level value with a dotted path, such as \"d.eventType\"";
        }

        if (by == discriminatorProperty)
        {
            return "By names the first-level discriminator itself; name the member that holds the second-level value";
        }

        if (payload is not null && !IsPath(payload))
        {
            argument = TypeNames.RoutePayloadArgument;
            return "Payload must be a dotted path, such as \"d.eventData\", or be left out for the envelope's payload";
        }

        var payloadPath = payload ?? payloadProperty;
        if (payloadPath is not null && (payloadPath == by || payloadPath.StartsWith(by + ".", StringComparison.Ordinal)))
        {
            return "By \"" + by + "\" is the payload \"" + payloadPath + "\" or contains it; the two need separate places";
        }

        return null;
    }

    private static bool IsPath(string path)
    {
        if (path.Length == 0)
        {
            return false;
        }

        foreach (var segment in path.Split('.'))
        {
            if (segment.Length == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The usable constant members; CPWS0033 for the others.</summary>
    private List<InspectedConstant> InspectConstants(string discriminatorProperty, string? payloadProperty, InspectedRequestId? requestId, List<InspectedRoute> routes)
    {
        var taken = new List<string> { discriminatorProperty };
        if (payloadProperty is not null)
        {
            taken.Add(payloadProperty);
        }

        if (requestId is not null)
        {
            taken.Add(requestId.InPayload ? payloadProperty + "." + requestId.Property : requestId.Property);
        }

        foreach (var route in routes)
        {
            taken.Add(route.By);
            if (route.Payload is not null)
            {
                taken.Add(route.Payload);
            }
        }

        var constants = new List<InspectedConstant>();
        foreach (var attribute in _client.GetAttributes())
        {
            if (!attribute.AttributeClass.IsType(TypeNames.EnvelopeConstantAttribute)
                || attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error
                || attribute.ConstructorArguments[1].Kind == TypedConstantKind.Error)
            {
                continue;
            }

            var property = attribute.ConstructorArguments[0].Value as string;
            var literal = attribute.ConstructorArguments[1].Value switch
            {
                string text => SymbolDisplay.FormatLiteral(text, quote: true),
                bool flag => flag ? "true" : "false",
                long number => number.ToString(CultureInfo.InvariantCulture) + "L",
                _ => null,
            };
            string? problem = null;
            if (property is null || !IsPath(property))
            {
                problem = "its property must be a JSON property name (or a dotted path)";
            }
            else if (literal is null)
            {
                problem = "its value must be a string, an integer or a bool";
            }
            else if (taken.Find(other => Overlaps(other, property)) is { } other)
            {
                problem = "the envelope already writes \"" + other + "\" there; give the constant a place of its own";
            }

            if (problem is not null)
            {
                Problem(DiagnosticDescriptors.InvalidEnvelopeConstant, attribute, null, property ?? "null", _client.Name, problem);
                continue;
            }

            taken.Add(property!);
            constants.Add(new InspectedConstant(property!, literal!));
        }

        return constants;

        static bool Overlaps(string one, string two)
            => one == two || one.StartsWith(two + ".", StringComparison.Ordinal) || two.StartsWith(one + ".", StringComparison.Ordinal);
    }

    /// <summary>The envelope record, or <see langword="null"/>; CPWS0034 when it cannot be read.</summary>
    private INamedTypeSymbol? InspectEnvelopeType()
    {
        var type = NamedTypeArgument(TypeNames.EnvelopeArgument);
        if (type is null)
        {
            return null;
        }

        var reason = UnsupportedReason(type) ?? RestrictedReason(type);
        if (reason is not null)
        {
            Problem(DiagnosticDescriptors.UnsupportedEnvelopeType, _clientAttribute, TypeNames.EnvelopeArgument, Display(type), _client.Name, reason);
            return null;
        }

        return (INamedTypeSymbol)type;
    }

    /// <summary>The open generic response of the client, or <see langword="null"/>; CPWS0035 when it cannot be used.</summary>
    private INamedTypeSymbol? InspectResponses(InspectedRequestId? requestId)
    {
        var type = NamedTypeArgument(TypeNames.ResponsesArgument);
        if (type is null)
        {
            return null;
        }

        string? reason = null;
        if (type is not INamedTypeSymbol { IsUnboundGenericType: true, TypeParameters.Length: 1 } named)
        {
            reason = "name an open generic type with one type parameter, such as typeof(RpcResponse<>)";
        }
        else if (requestId is null)
        {
            reason = "the client names no RequestIdProperty, so it has no requests to answer";
        }
        else
        {
            var definition = named.OriginalDefinition;
            var implemented = definition.AllInterfaces.FirstOrDefault(i => i.OriginalDefinition.IsType(TypeNames.ResponseInterface));
            if (implemented is null || !SymbolEqualityComparer.Default.Equals(implemented.TypeArguments[0], definition.TypeParameters[0]))
            {
                reason = "it must implement IResponse<T, TError> with its own type parameter as T, so that its result is the request's";
            }
            else if (UnsupportedReason(definition.Construct(_compilation.GetSpecialType(SpecialType.System_Object))) is { } unsupported)
            {
                reason = unsupported;
            }
        }

        if (reason is not null)
        {
            Problem(DiagnosticDescriptors.InvalidResponses, _clientAttribute, TypeNames.ResponsesArgument, Display(type), _client.Name, reason);
            return null;
        }

        return ((INamedTypeSymbol)type).OriginalDefinition;
    }

    /// <summary>The error response, or <see langword="null"/>; CPWS0036 when it cannot be used.</summary>
    private (INamedTypeSymbol Type, InspectedKey Key)? InspectErrorResponse(InspectedRequestId? requestId)
    {
        var type = NamedTypeArgument(TypeNames.ErrorResponseArgument);
        if (type is null)
        {
            return null;
        }

        string? reason = UnsupportedReason(type) ?? RestrictedReason(type);
        InspectedKey key = default;
        if (reason is null && type.TypeKind != TypeKind.Class)
        {
            reason = "it must be a class, which the WebSocketResponseException<TError> that carries it requires";
        }
        else if (reason is null && requestId is null)
        {
            reason = "the client names no RequestIdProperty, so it has no requests to answer";
        }
        else if (reason is null && !TryReadKey((INamedTypeSymbol)type, out key))
        {
            reason = "it has no usable [Message], so it could not be told from other messages; add [Message(\"...\")] with the discriminator of the server's error messages";
        }
        else if (reason is null && key.IsPattern)
        {
            reason = "its [Message] is a pattern; an error response is matched by an exact value";
        }

        if (reason is not null)
        {
            Problem(DiagnosticDescriptors.InvalidErrorResponse, _clientAttribute, TypeNames.ErrorResponseArgument, Display(type), _client.Name, reason);
            return null;
        }

        return ((INamedTypeSymbol)type, key);
    }

    /// <summary>CPWS0028, CPWS0029 and CPWS0030 for a key; false when the contract cannot be generated.</summary>
    private bool CheckRouting(InspectedKey key, ITypeSymbol type, List<InspectedRoute> routes, AttributeData attribute, string? argument, string? exactUse)
    {
        var route = routes.Find(r => r.Value == key.First);
        if (key.Second is not null && route is null)
        {
            Problem(DiagnosticDescriptors.SecondLevelWithoutRoute, attribute, argument, Display(type), key.ToString(), _client.Name, key.First.ToString());
            return false;
        }

        if (key.Second is null && route is not null)
        {
            Problem(DiagnosticDescriptors.RoutedMessageWithoutSecondLevel, attribute, argument, Display(type), key.First.ToString(), _client.Name, route.By);
            return false;
        }

        if (exactUse is not null && key.IsPattern)
        {
            Problem(DiagnosticDescriptors.PatternNotReceived, attribute, argument, Display(type), key.ToString(), exactUse, _client.Name);
            return false;
        }

        return true;
    }

    /// <summary>Reads the <c>[Message]</c> key of a type (of its generic definition for a constructed type).</summary>
    private static bool TryReadKey(INamedTypeSymbol type, out InspectedKey key)
    {
        key = default;
        var message = FindMessageAttribute(type);
        if (message is null || message.ConstructorArguments.Length is not (1 or 2))
        {
            return false;
        }

        foreach (var argument in message.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Error)
            {
                return false;
            }
        }

        if (!Discriminator.TryCreate(message.ConstructorArguments[0].Value, out var first))
        {
            return false;
        }

        Discriminator? second = null;
        if (message.ConstructorArguments.Length == 2)
        {
            if (!Discriminator.TryCreate(message.ConstructorArguments[1].Value, out var value))
            {
                return false;
            }

            second = value;
        }

        key = new InspectedKey(first, second);
        return true;
    }

    /// <summary>
    /// The <c>[PayloadValue]</c> member of a contract, or <see langword="null"/> when it has none; false (with CPWS0032)
    /// when it has one that cannot be used.
    /// </summary>
    private bool ReadPayloadValue(InspectedContract contract, bool isSent, string? payloadProperty, List<InspectedRoute> routes, out InspectedPayloadValue? value)
    {
        value = null;
        var marked = new List<ISymbol>();
        var type = contract.Type;
        foreach (var candidate in type.GetMembers())
        {
            if (candidate is IPropertySymbol or IFieldSymbol && candidate.HasAttribute(TypeNames.PayloadValueAttribute))
            {
                marked.Add(candidate);
            }
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var parameter in constructor.Parameters)
            {
                if (parameter.HasAttribute(TypeNames.PayloadValueAttribute)
                    && type.GetMembers(parameter.Name).FirstOrDefault(m => m is IPropertySymbol) is { } property
                    && !marked.Contains(property, SymbolEqualityComparer.Default))
                {
                    marked.Add(property);
                }
            }
        }

        if (marked.Count == 0)
        {
            return true;
        }

        var direction = isSent ? "sent" : "received";
        var route = routes.Find(r => r.Value == contract.Key.First);
        string? problem = null;
        if (marked.Count > 1)
        {
            problem = "more than one member is marked; mark the one member that is the whole payload";
        }
        else if (payloadProperty is null && route?.Payload is null)
        {
            problem = "its messages are flat, so their payload is the message itself; a value payload needs PayloadProperty on the client (or a route with its own Payload)";
        }

        var member = marked[0];
        var valueType = member is IPropertySymbol p ? p.Type : ((IFieldSymbol)member).Type;
        var byConstructor = false;
        if (problem is null && member.DeclaredAccessibility != Accessibility.Public && member.DeclaredAccessibility != Accessibility.Internal)
        {
            problem = "the marked member must be public or internal";
        }
        else if (problem is null)
        {
            byConstructor = type.InstanceConstructors.Any(c =>
                c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal
                && c.Parameters.Length == 1
                && string.Equals(c.Parameters[0].Name, member.Name, StringComparison.OrdinalIgnoreCase)
                && SymbolEqualityComparer.Default.Equals(c.Parameters[0].Type, valueType));
            var settable = member is IPropertySymbol { SetMethod: { DeclaredAccessibility: Accessibility.Public or Accessibility.Internal } }
                || member is IFieldSymbol { IsReadOnly: false };
            var parameterless = type.TypeKind == TypeKind.Struct
                || type.InstanceConstructors.Any(c => c.Parameters.Length == 0 && c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal);
            if (!byConstructor && !(settable && parameterless) && !isSent)
            {
                problem = "it cannot be built from the value: give it a constructor that takes only that member, or make the member settable";
            }
        }

        if (problem is not null)
        {
            Problem(DiagnosticDescriptors.InvalidPayloadValue, contract.Attribute, null, Display(type), direction, _client.Name, problem);
            return false;
        }

        value = new InspectedPayloadValue(member, valueType, byConstructor);
        return true;
    }

    /// <summary>The type named by a named argument of <c>[WebSocketClient]</c>, or <see langword="null"/> when absent or unresolved.</summary>
    private ITypeSymbol? NamedTypeArgument(string name)
    {
        foreach (var argument in _clientAttribute.NamedArguments)
        {
            if (argument.Key == name && argument.Value.Kind != TypedConstantKind.Error && argument.Value.Value is ITypeSymbol { TypeKind: not TypeKind.Error } type)
            {
                return type;
            }
        }

        return null;
    }

    private string? RestrictedReason(ITypeSymbol type)
        => type is INamedTypeSymbol named && VisibilityOf(named) == Visibility.Restricted && VisibilityOf(_client) != Visibility.Restricted
            ? "it is private or protected, so the client's generated members cannot use it; make it internal or public"
            : null;
}
