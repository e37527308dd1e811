using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CpWebSocket.Generators.Diagnostics;
using CpWebSocket.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CpWebSocket.Generators.Inspection;

/// <summary>
/// Reads one <c>[WebSocketClient]</c> class and applies the rules that decide what can be generated.
/// </summary>
/// <remarks>
/// The generator and the analyzer share these rules so they never disagree: the generator calls
/// <see cref="Inspect"/> without a diagnostic list and quietly generates only what is valid; the analyzer
/// passes a list and reports why the rest was left out. Class-level problems stop generation of the whole
/// client; a contract-level problem leaves out that one contract, so the user sees one diagnostic
/// instead of a cascade of missing-member errors.
/// </remarks>
internal sealed partial class ClientInspector
{
    /// <summary>How far a type can be seen, narrowest first.</summary>
    private enum Visibility
    {
        /// <summary>Private, protected or file-local somewhere in its chain of containing types.</summary>
        Restricted,

        /// <summary>Within the assembly.</summary>
        Internal,

        /// <summary>Everywhere.</summary>
        Public,
    }

    private const string SendsName = "Sends";
    private const string ReceivesName = "Receives";

    private readonly INamedTypeSymbol _client;
    private readonly AttributeData _clientAttribute;
    private readonly Compilation _compilation;
    private readonly List<Diagnostic>? _diagnostics;
    private readonly CancellationToken _cancellationToken;

    private ClientInspector(
        INamedTypeSymbol client,
        AttributeData clientAttribute,
        Compilation compilation,
        List<Diagnostic>? diagnostics,
        CancellationToken cancellationToken)
    {
        _client = client;
        _clientAttribute = clientAttribute;
        _compilation = compilation;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// Inspects <paramref name="client"/>, whose <c>[WebSocketClient]</c> is <paramref name="clientAttribute"/>.
    /// </summary>
    /// <param name="client">The class carrying <c>[WebSocketClient]</c>.</param>
    /// <param name="clientAttribute">Its <c>[WebSocketClient]</c> attribute.</param>
    /// <param name="compilation">The compilation the class belongs to.</param>
    /// <param name="diagnostics">Receives every problem found, or <see langword="null"/> when only the outcome is needed.</param>
    /// <param name="cancellationToken">Cancels the inspection.</param>
    public static ClientInspection Inspect(
        INamedTypeSymbol client,
        AttributeData clientAttribute,
        Compilation compilation,
        List<Diagnostic>? diagnostics,
        CancellationToken cancellationToken)
        => new ClientInspector(client, clientAttribute, compilation, diagnostics, cancellationToken).Run();

    /// <summary>Finds the <c>[Message]</c> attribute of <paramref name="type"/> (of its generic definition for a constructed type).</summary>
    public static AttributeData? FindMessageAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.OriginalDefinition.GetAttributes())
        {
            if (attribute.AttributeClass.IsType(TypeNames.MessageAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>Where the first positional argument of <paramref name="attribute"/> is written, else the attribute itself.</summary>
    public static Location? GetArgumentLocation(AttributeData attribute, CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        if (syntax.ArgumentList is { } arguments)
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals is null && argument.NameColon is null)
                {
                    return argument.Expression.GetLocation();
                }
            }
        }

        return syntax.GetLocation();
    }

    private ClientInspection Run()
    {
        var canGenerate = InspectShape();
        canGenerate &= InspectEnvelope(out var discriminatorProperty, out var payloadProperty, out var serializerContext);
        canGenerate &= InspectRequestId(discriminatorProperty, payloadProperty, out var requestId);

        var declared = InspectSerialization();
        if (serializerContext is not null)
        {
            CompareContext(serializerContext, declared);
        }

        var namingPolicy = JsonPropertyNames.PolicyOf(serializerContext, declared.NamingPolicy);
        var routes = InspectRoutes(discriminatorProperty, payloadProperty);
        var constants = InspectConstants(discriminatorProperty, payloadProperty, requestId, routes);
        var envelope = InspectEnvelopeType();
        var responses = InspectResponses(requestId);
        var errorResponse = InspectErrorResponse(requestId);
        if (errorResponse is { } error && !CheckRouting(error.Key, error.Type, routes, _clientAttribute, TypeNames.ErrorResponseArgument, exactUse: null))
        {
            errorResponse = null;
        }

        var sent = new List<InspectedContract>();
        var received = new List<InspectedContract>();
        InspectContracts(sent, received, discriminatorProperty, payloadProperty, serializerContext, requestId, routes, responses, namingPolicy);

        if (_diagnostics is not null && serializerContext is not null)
        {
            var contextTypes = ReadContextTypes(serializerContext);
            ReportMissingFromContext(contextTypes, envelope, serializerContext, NamedArgumentLocation(TypeNames.EnvelopeArgument));
            ReportMissingFromContext(contextTypes, errorResponse?.Type, serializerContext, NamedArgumentLocation(TypeNames.ErrorResponseArgument));
            foreach (var contract in sent.Concat(received))
            {
                ReportMissingFromContext(contextTypes, contract.PayloadValue?.ValueType, serializerContext, ArgumentLocation(contract.Attribute));
            }
        }

        return new ClientInspection(_client, canGenerate, discriminatorProperty, payloadProperty, serializerContext, sent, received, requestId)
        {
            Routes = routes,
            Constants = constants,
            Declared = declared,
            NamingPolicy = namingPolicy,
            Envelope = envelope,
            ErrorResponse = errorResponse,
            Problems = _problems,
        };
    }

    private void ReportMissingFromContext(HashSet<ITypeSymbol> contextTypes, ITypeSymbol? type, INamedTypeSymbol serializerContext, Location? location)
    {
        if (type is not null && !contextTypes.Contains(type))
        {
            Report(DiagnosticDescriptors.ContractMissingFromSerializerContext, location, Display(type), Display(serializerContext), _client.Name);
        }
    }

    private bool InspectShape()
    {
        // A declaration the parser could not finish (no name yet) is the compiler's to report.
        var valid = _client.Name.Length > 0;
        if (_client.IsRecord)
        {
            Report(DiagnosticDescriptors.RecordClient, ClientIdentifierLocation(), _client.Name);
            valid = false;
        }

        for (var type = _client; type is not null; type = type.ContainingType)
        {
            if (type.IsFileLocal)
            {
                Report(DiagnosticDescriptors.FileLocalClient, ClientIdentifierLocation(), _client.Name, type.Name);
                valid = false;
                break;
            }
        }

        if (_client.IsStatic)
        {
            Report(DiagnosticDescriptors.StaticClient, ClientIdentifierLocation(), _client.Name);
            valid = false;
        }

        if (_client.TypeParameters.Length > 0)
        {
            Report(DiagnosticDescriptors.GenericClient, ClientIdentifierLocation(), _client.Name);
            valid = false;
        }

        for (var type = _client; type is not null; type = type.ContainingType)
        {
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(_cancellationToken) is TypeDeclarationSyntax declaration
                    && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    Report(DiagnosticDescriptors.TypeMustBePartial, declaration.Identifier.GetLocation(), type.Name, _client.Name);
                    valid = false;
                }
            }
        }

        var baseType = _client.BaseType;
        if (baseType is not null
            && baseType.SpecialType != SpecialType.System_Object
            && !baseType.IsType(TypeNames.MessageClient))
        {
            // An unresolved base type is the compiler's to report; either way there is nothing to generate.
            if (baseType.TypeKind != TypeKind.Error && !_client.IsRecord)
            {
                Report(DiagnosticDescriptors.ClientHasBaseClass, ClientIdentifierLocation(), _client.Name, baseType.ToDisplayString());
            }

            valid = false;
        }

        return valid;
    }

    private bool InspectEnvelope(out string discriminatorProperty, out string? payloadProperty, out INamedTypeSymbol? serializerContext)
    {
        var valid = true;
        string? discriminator = TypeNames.DefaultDiscriminatorProperty;
        string? payload = null;
        ITypeSymbol? context = null;

        foreach (var argument in _clientAttribute.NamedArguments)
        {
            if (argument.Value.Kind == TypedConstantKind.Error)
            {
                valid = false;
                continue;
            }

            switch (argument.Key)
            {
                case TypeNames.DiscriminatorPropertyArgument:
                    discriminator = argument.Value.Value as string;
                    break;
                case TypeNames.PayloadPropertyArgument:
                    payload = argument.Value.Value as string;
                    break;
                case TypeNames.SerializerContextArgument:
                    context = argument.Value.Value as ITypeSymbol;
                    break;
            }
        }

        if (string.IsNullOrWhiteSpace(discriminator))
        {
            Report(
                DiagnosticDescriptors.EmptyEnvelopeProperty,
                NamedArgumentLocation(TypeNames.DiscriminatorPropertyArgument),
                TypeNames.DiscriminatorPropertyArgument,
                "\"" + TypeNames.DefaultDiscriminatorProperty + "\"");
            valid = false;
        }

        if (payload is not null && string.IsNullOrWhiteSpace(payload))
        {
            Report(
                DiagnosticDescriptors.EmptyEnvelopeProperty,
                NamedArgumentLocation(TypeNames.PayloadPropertyArgument),
                TypeNames.PayloadPropertyArgument,
                "flat messages");
            valid = false;
        }
        else if (payload is not null && string.Equals(payload, discriminator, StringComparison.Ordinal))
        {
            Report(
                DiagnosticDescriptors.PayloadPropertySameAsDiscriminator,
                NamedArgumentLocation(TypeNames.PayloadPropertyArgument),
                payload);
            valid = false;
        }

        serializerContext = null;
        if (context is not null)
        {
            if (context.TypeKind == TypeKind.Error)
            {
                valid = false;
            }
            else if (context is INamedTypeSymbol named
                && named.TypeKind == TypeKind.Class
                && !named.IsAbstract
                && !named.IsOpenGeneric()
                && named.DerivesFrom(TypeNames.JsonSerializerContext))
            {
                serializerContext = named;
            }
            else
            {
                Report(
                    DiagnosticDescriptors.InvalidSerializerContext,
                    NamedArgumentLocation(TypeNames.SerializerContextArgument),
                    context.ToDisplayString());
                valid = false;
            }
        }

        discriminatorProperty = discriminator ?? TypeNames.DefaultDiscriminatorProperty;
        payloadProperty = payload;
        return valid;
    }

    private bool InspectRequestId(string discriminatorProperty, string? payloadProperty, out InspectedRequestId? requestId)
    {
        requestId = null;
        string? property = null;
        var location = 0;
        var kind = 0;
        foreach (var argument in _clientAttribute.NamedArguments)
        {
            switch (argument.Key)
            {
                case TypeNames.RequestIdPropertyArgument:
                    property = argument.Value.Value as string;
                    break;
                case TypeNames.RequestIdLocationArgument when argument.Value.Value is int value:
                    location = value;
                    break;
                case TypeNames.RequestIdKindArgument when argument.Value.Value is int value:
                    kind = value;
                    break;
            }
        }

        if (property is null)
        {
            return true;
        }

        var inPayload = location == TypeNames.RequestIdLocationPayload && payloadProperty is not null;
        var problem = string.IsNullOrWhiteSpace(property) ? "is empty"
            : !inPayload && string.Equals(property, discriminatorProperty, StringComparison.Ordinal) ? "is \"" + property + "\", the discriminator property"
            : !inPayload && string.Equals(property, payloadProperty, StringComparison.Ordinal) ? "is \"" + property + "\", the payload property"
            : null;
        if (problem is not null)
        {
            Report(DiagnosticDescriptors.InvalidRequestIdProperty, NamedArgumentLocation(TypeNames.RequestIdPropertyArgument), _client.Name, problem);
            return false;
        }

        requestId = new InspectedRequestId(property, inPayload, kind == TypeNames.RequestIdKindString);
        return true;
    }

    /// <summary>
    /// Reads the <c>Returns</c>, <c>MethodName</c> and <c>TimeoutMilliseconds</c> of a <c>[Sends]</c>. Returns false
    /// when the request cannot be generated (the diagnostic says why); <paramref name="request"/> is null for a plain send.
    /// </summary>
    private bool ReadRequest(AttributeData attribute, InspectedContract contract, InspectedRequestId? requestId, List<InspectedRoute> routes, INamedTypeSymbol? responses, out InspectedRequest? request)
    {
        request = null;
        ITypeSymbol? returns = null;
        string? methodName = null;
        var timeout = 0;
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Value.Kind == TypedConstantKind.Error)
            {
                return false;
            }

            switch (argument.Key)
            {
                case TypeNames.ReturnsArgument:
                    returns = argument.Value.Value as ITypeSymbol;
                    break;
                case TypeNames.MethodNameArgument:
                    methodName = argument.Value.Value as string;
                    break;
                case TypeNames.TimeoutMillisecondsArgument when argument.Value.Value is int value:
                    timeout = value;
                    break;
            }
        }

        if (returns is null)
        {
            return true;
        }

        if (returns.TypeKind == TypeKind.Error)
        {
            return false;
        }

        // Returns = typeof(void): the answer only ends the wait; its result, if any, is skipped unread.
        var returnsNothing = returns.SpecialType == SpecialType.System_Void;
        if (returnsNothing && _compilation.GetTypeByMetadataName(TypeNames.NoResult) is { } noResult)
        {
            returns = noResult;
        }

        var returnsLocation = NamedArgumentLocation(attribute, TypeNames.ReturnsArgument);
        if (requestId is null)
        {
            Report(DiagnosticDescriptors.RequestWithoutRequestId, returnsLocation, Display(contract.Type), Display(returns), _client.Name);
            return false;
        }

        // A result type without a [Message] of its own arrives inside the client's Responses.
        var wrapped = responses is not null && !(returns is INamedTypeSymbol candidate && FindMessageAttribute(candidate) is not null);
        var reason = NeverAResponse(returns) ?? (wrapped
            ? returns is INamedTypeSymbol resultType && resultType.IsOpenGeneric() ? "an open generic type cannot be serialized; name a closed type such as Message<int>"
                : returns.IsStatic ? "a static class has no instances; name a class with instances"
                : returns.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer || returns.IsRefLikeType ? "it cannot be a type argument of the client's Responses"
                : null
            : UnsupportedReason(returns));
        if (reason is null && returns is INamedTypeSymbol namedReturns && VisibilityOf(namedReturns) == Visibility.Restricted && VisibilityOf(_client) != Visibility.Restricted)
        {
            reason = "it is private or protected, so the client's request method cannot return it; make it internal or public";
        }

        if (reason is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedResponseType, returnsLocation, Display(returns), Display(contract.Type), _client.Name, reason);
            return false;
        }

        var defaultName = GeneratedNames.RequestMethod(contract.Type.Name);
        if (methodName is not null && (!SyntaxFacts.IsValidIdentifier(methodName) || SyntaxFacts.GetKeywordKind(methodName) != SyntaxKind.None))
        {
            Report(DiagnosticDescriptors.InvalidRequestMethodName, NamedArgumentLocation(attribute, TypeNames.MethodNameArgument), methodName, Display(contract.Type), defaultName);
            return false;
        }

        if (timeout < -1)
        {
            Report(DiagnosticDescriptors.InvalidRequestTimeout, NamedArgumentLocation(attribute, TypeNames.TimeoutMillisecondsArgument), Display(contract.Type), timeout);
            return false;
        }

        var response = wrapped ? responses!.Construct(returns) : (INamedTypeSymbol)returns;
        InspectedKey? responseKey = null;
        if (TryReadKey(response, out var key))
        {
            if (!CheckRouting(key, response, routes, attribute, TypeNames.ReturnsArgument, exactUse: "answering a request"))
            {
                return false;
            }

            responseKey = key;
        }

        ITypeSymbol? result = null;
        ITypeSymbol? error = null;
        foreach (var implemented in response.AllInterfaces)
        {
            if (implemented.OriginalDefinition.IsType(TypeNames.ResponseInterface))
            {
                result = implemented.TypeArguments[0];
                error = implemented.TypeArguments[1];
                break;
            }
        }

        request = new InspectedRequest(response, methodName ?? defaultName, timeout, result, error, responseKey) { ReturnsNothing = returnsNothing };
        return true;
    }

    /// <summary>
    /// Why <paramref name="type"/> can never be what a response carries, on any client, or <see langword="null"/>:
    /// the request method is already asynchronous, a request is answered by one message, and System.Text.Json reads
    /// neither delegates nor reflection types nor pointers.
    /// </summary>
    private static string? NeverAResponse(ITypeSymbol type)
    {
        if (IsAwaitable(type))
        {
            return type is INamedTypeSymbol { TypeArguments.Length: 1 } generic && !IsAwaitable(generic.TypeArguments[0])
                ? "the request method already returns a task; name what the response carries, Returns = typeof(" + Display(generic.TypeArguments[0]) + ")"
                : "the request method already returns a task; name what the response carries, or Returns = typeof(void) to wait for the response without reading it";
        }

        if (type.OriginalDefinition.IsType(TypeNames.AsyncEnumerableOfT) || type.OriginalDefinition.IsType(TypeNames.AsyncEnumeratorOfT)
            || type.AllInterfaces.Any(i => i.OriginalDefinition.IsType(TypeNames.AsyncEnumerableOfT)))
        {
            return "a request is answered by one message, not a stream; name the type of that message";
        }

        if (type.TypeKind == TypeKind.Delegate)
        {
            return "a delegate cannot be serialized; name the type of the message that answers the request";
        }

        if (type.IsType(TypeNames.SystemType) || type.DerivesFrom(TypeNames.MemberInfo))
        {
            return "System.Text.Json does not serialize reflection types; name the type of the message that answers the request";
        }

        return type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr
            ? "System.Text.Json does not serialize native pointers; name the type of the message that answers the request"
            : null;
    }

    /// <summary>Whether <paramref name="type"/> can be awaited by its own <c>GetAwaiter()</c>: a task, a value task, or another awaitable.</summary>
    private static bool IsAwaitable(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var member in current.GetMembers("GetAwaiter"))
            {
                if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 0, DeclaredAccessibility: Accessibility.Public })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Why <paramref name="type"/> cannot be a message or response contract, or <see langword="null"/> when it can.</summary>
    private static string? UnsupportedReason(ITypeSymbol type) => type switch
    {
        not INamedTypeSymbol => "only classes and structs can be messages",
        INamedTypeSymbol named when named.IsOpenGeneric() => "an open generic type cannot be serialized; name a closed type such as Message<int>",
        { TypeKind: TypeKind.Interface } => "an interface cannot be deserialized; name a concrete class or struct",
        { IsStatic: true } => "a static class has no instances; name a class with instances",
        { TypeKind: TypeKind.Class, IsAbstract: true } => "an abstract class cannot be deserialized; name a concrete class",
        { TypeKind: not (TypeKind.Class or TypeKind.Struct) } => "only classes and structs can be messages",
        _ => null,
    };

    private void InspectContracts(
        List<InspectedContract> sent,
        List<InspectedContract> received,
        string discriminatorProperty,
        string? payloadProperty,
        INamedTypeSymbol? serializerContext,
        InspectedRequestId? requestId,
        List<InspectedRoute> routes,
        INamedTypeSymbol? responses,
        int namingPolicy)
    {
        // Generated member names already taken, with the contract that took them.
        var takenNames = new Dictionary<string, INamedTypeSymbol>(StringComparer.Ordinal);
        HashSet<string>? inheritedNames = null;
        HashSet<ITypeSymbol>? contextTypes = null;
        InspectedContract? firstContract = null;
        var firstOfRoute = new Dictionary<Discriminator, InspectedContract>();

        foreach (var attribute in _client.GetAttributes())
        {
            _cancellationToken.ThrowIfCancellationRequested();

            bool isSent;
            if (attribute.AttributeClass.IsType(TypeNames.SendsAttribute))
            {
                isSent = true;
            }
            else if (attribute.AttributeClass.IsType(TypeNames.ReceivesAttribute))
            {
                isSent = false;
            }
            else
            {
                continue;
            }

            if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Kind == TypedConstantKind.Error)
            {
                continue;
            }

            var contract = ReadContract(attribute, isSent);
            if (contract is null)
            {
                continue;
            }

            if (isSent)
            {
                if (!ReadRequest(attribute, contract, requestId, routes, responses, out var request))
                {
                    continue;
                }

                // A response or result type seen less widely than the client makes the request method internal.
                var accessibility = request is not null
                    && (VisibilityOf(request.ResponseType) < VisibilityOf(_client) || (request.ResultType is INamedTypeSymbol result && VisibilityOf(result) < VisibilityOf(_client)))
                    ? MemberAccessibility.Internal
                    : contract.Accessibility;
                contract = contract with { Request = request, Accessibility = accessibility };
            }

            if (!CheckRouting(contract.Key, contract.Type, routes, attribute, null, isSent ? "sent" : null))
            {
                continue;
            }

            if (!ReadPayloadValue(contract, isSent, payloadProperty, routes, out var payloadValue))
            {
                continue;
            }

            if (payloadValue is not null && contract.Request is not null)
            {
                Problem(DiagnosticDescriptors.InvalidPayloadValue, attribute, null, Display(contract.Type), "sent as a request", _client.Name, "a request's payload must be an object, which carries the request id");
                continue;
            }

            contract = contract with { PayloadValue = payloadValue };

            var list = isSent ? sent : received;
            var attributeName = isSent ? SendsName : ReceivesName;
            var direction = isSent ? "sent" : "received";

            if (list.Exists(c => SymbolEqualityComparer.Default.Equals(c.Type, contract.Type)))
            {
                Report(DiagnosticDescriptors.DuplicateContract, ArgumentLocation(attribute), Display(contract.Type), attributeName, _client.Name);
                continue;
            }

            if (firstContract is null)
            {
                firstContract = contract;
            }
            else if (firstContract.Discriminator.Kind != contract.Discriminator.Kind)
            {
                Report(
                    DiagnosticDescriptors.MixedDiscriminatorKinds,
                    ArgumentLocation(attribute),
                    Display(contract.Type),
                    KindDescription(contract.Discriminator.Kind),
                    Display(firstContract.Type),
                    _client.Name,
                    KindDescription(firstContract.Discriminator.Kind));
                continue;
            }

            if (contract.Key.Second is { } second)
            {
                if (!firstOfRoute.TryGetValue(contract.Key.First, out var firstOfThisRoute))
                {
                    firstOfRoute.Add(contract.Key.First, contract);
                }
                else if (firstOfThisRoute.Key.Second!.Value.Kind != second.Kind)
                {
                    Report(
                        DiagnosticDescriptors.MixedDiscriminatorKinds,
                        ArgumentLocation(attribute),
                        Display(contract.Type),
                        KindDescription(second.Kind) + " second-level",
                        Display(firstOfThisRoute.Type),
                        _client.Name,
                        KindDescription(firstOfThisRoute.Key.Second!.Value.Kind));
                    continue;
                }
            }

            var sameDiscriminator = list.Find(c => c.Key == contract.Key);
            if (sameDiscriminator is not null)
            {
                Report(
                    DiagnosticDescriptors.DuplicateDiscriminator,
                    ArgumentLocation(attribute),
                    Display(sameDiscriminator.Type),
                    Display(contract.Type),
                    direction,
                    _client.Name,
                    contract.Key.ToString());
                continue;
            }

            // The runtime refuses such a sent type when the client starts; received ones merely see the value.
            // Only the analyzer looks: the check binds every member's attributes, the error it reports fails the build
            // anyway, and the generator runs again on every edit.
            if (_diagnostics is not null && isSent && payloadProperty is null && routes.Find(r => r.Value == contract.Key.First)?.Payload is null && contract.PayloadValue is null)
            {
                var member = JsonPropertyNames.FindMemberSerializedAs(contract.Type, discriminatorProperty, namingPolicy);
                if (member is not null)
                {
                    Report(
                        DiagnosticDescriptors.FlatPropertyCollidesWithDiscriminator,
                        ArgumentLocation(attribute),
                        Display(contract.Type),
                        member,
                        discriminatorProperty,
                        _client.Name);
                    continue;
                }
            }

            // Likewise for a request whose id would be written next to a property of the same name.
            if (_diagnostics is not null && contract.Request is not null && requestId is not null && (payloadProperty is null || requestId.InPayload))
            {
                var member = JsonPropertyNames.FindMemberSerializedAs(contract.Type, requestId.Property, namingPolicy);
                if (member is not null)
                {
                    Report(
                        DiagnosticDescriptors.RequestPropertyCollidesWithRequestId,
                        ArgumentLocation(attribute),
                        Display(contract.Type),
                        member,
                        requestId.Property,
                        _client.Name);
                    continue;
                }
            }

            var memberNames = !isSent ? GeneratedNames.ForReceived(contract.Type.Name)
                : contract.Request is { } declared ? GeneratedNames.ForRequest(contract.Type.Name, declared.MethodName)
                : GeneratedNames.ForSent(contract.Type.Name);
            if (!HasFreeNames(attribute, contract, memberNames, takenNames, ref inheritedNames))
            {
                continue;
            }

            foreach (var name in memberNames)
            {
                takenNames[name] = contract.Type;
            }

            list.Add(contract);

            if (_diagnostics is not null && serializerContext is not null)
            {
                contextTypes ??= ReadContextTypes(serializerContext);
                if (!contextTypes.Contains(contract.Type))
                {
                    Report(
                        DiagnosticDescriptors.ContractMissingFromSerializerContext,
                        ArgumentLocation(attribute),
                        Display(contract.Type),
                        Display(serializerContext),
                        _client.Name);
                }

                if (contract.Request is { } request && !contextTypes.Contains(request.ResponseType))
                {
                    Report(
                        DiagnosticDescriptors.ContractMissingFromSerializerContext,
                        NamedArgumentLocation(attribute, TypeNames.ReturnsArgument),
                        Display(request.ResponseType),
                        Display(serializerContext),
                        _client.Name);
                }
            }
        }
    }

    private InspectedContract? ReadContract(AttributeData attribute, bool isSent)
    {
        var argument = attribute.ConstructorArguments[0].Value as ITypeSymbol;
        if (argument is null)
        {
            Report(DiagnosticDescriptors.UnsupportedContractType, ArgumentLocation(attribute), "null", _client.Name, "no type is given; pass typeof(YourMessage)");
            return null;
        }

        if (argument.TypeKind == TypeKind.Error)
        {
            return null;
        }

        var reason = UnsupportedReason(argument);
        if (reason is not null)
        {
            Report(DiagnosticDescriptors.UnsupportedContractType, ArgumentLocation(attribute), Display(argument), _client.Name, reason);
            return null;
        }

        var type = (INamedTypeSymbol)argument;
        var typeVisibility = VisibilityOf(type);
        var clientVisibility = VisibilityOf(_client);
        if (typeVisibility == Visibility.Restricted && clientVisibility != Visibility.Restricted)
        {
            Report(
                DiagnosticDescriptors.UnsupportedContractType,
                ArgumentLocation(attribute),
                Display(type),
                _client.Name,
                "it is private or protected, so the client's public members cannot expose it; make it internal or public");
            return null;
        }

        var accessibility = typeVisibility >= clientVisibility ? MemberAccessibility.Public : MemberAccessibility.Internal;
        var messageAttribute = FindMessageAttribute(type);
        if (messageAttribute is null)
        {
            Report(
                DiagnosticDescriptors.ContractWithoutMessageAttribute,
                ArgumentLocation(attribute),
                Display(type),
                isSent ? SendsName : ReceivesName,
                _client.Name);
            return null;
        }

        if (messageAttribute.ConstructorArguments.Length is not (1 or 2) || messageAttribute.ConstructorArguments.Any(a => a.Kind == TypedConstantKind.Error))
        {
            return null;
        }

        if (!TryReadKey(type, out var key))
        {
            // A type declared in this compilation gets the diagnostic on its own [Message]; one from a
            // reference cannot be edited here, so say it where it is used.
            if (messageAttribute.ApplicationSyntaxReference is null)
            {
                Report(DiagnosticDescriptors.InvalidMessageDiscriminator, ArgumentLocation(attribute), Display(type));
            }

            return null;
        }

        return new InspectedContract(type, key, accessibility, attribute);
    }

    /// <summary>How far a type can be seen, from the declared accessibility of it and every type containing it.</summary>
    private static Visibility VisibilityOf(INamedTypeSymbol type)
    {
        var visibility = Visibility.Public;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            switch (current.DeclaredAccessibility)
            {
                case Accessibility.Public:
                    break;
                case Accessibility.Internal or Accessibility.ProtectedOrInternal when !current.IsFileLocal:
                    visibility = visibility < Visibility.Internal ? visibility : Visibility.Internal;
                    break;
                default:
                    return Visibility.Restricted;
            }
        }

        return visibility;
    }

    private bool HasFreeNames(
        AttributeData attribute,
        InspectedContract contract,
        string[] memberNames,
        Dictionary<string, INamedTypeSymbol> takenNames,
        ref HashSet<string>? inheritedNames)
    {
        foreach (var name in memberNames)
        {
            if (takenNames.TryGetValue(name, out var owner) && !SymbolEqualityComparer.Default.Equals(owner, contract.Type))
            {
                Report(
                    DiagnosticDescriptors.GeneratedMemberNameCollision,
                    ArgumentLocation(attribute),
                    Display(owner),
                    Display(contract.Type),
                    name,
                    _client.Name);
                return false;
            }
        }

        inheritedNames ??= ReadInheritedMemberNames();
        foreach (var name in memberNames)
        {
            if (inheritedNames.Contains(name))
            {
                Report(
                    DiagnosticDescriptors.GeneratedMemberHidesInherited,
                    ArgumentLocation(attribute),
                    Display(contract.Type),
                    name,
                    _client.Name,
                    "MessageClient");
                return false;
            }
        }

        return true;
    }

    /// <summary>The names of the members of <c>MessageClient</c> and its bases that a derived class could hide.</summary>
    private HashSet<string> ReadInheritedMemberNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (INamedTypeSymbol? type = _compilation.GetTypeByMetadataName(TypeNames.MessageClient); type is not null; type = type.BaseType)
        {
            foreach (var member in type.GetMembers())
            {
                if (member.DeclaredAccessibility != Accessibility.Private && !member.IsImplicitlyDeclared && member is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor })
                {
                    names.Add(member.Name);
                }
            }
        }

        return names;
    }

    /// <summary>
    /// The types a serializer context can serialize: those named by its <c>[JsonSerializable]</c>
    /// attributes, and those it exposes <c>JsonTypeInfo&lt;T&gt;</c> properties for (the System.Text.Json
    /// generator adds one for every type reachable from the declared ones).
    /// </summary>
    private static HashSet<ITypeSymbol> ReadContextTypes(INamedTypeSymbol context)
    {
        var types = new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default);
        foreach (var attribute in context.GetAttributes())
        {
            if (attribute.AttributeClass.IsType(TypeNames.JsonSerializableAttribute)
                && attribute.ConstructorArguments.Length == 1
                && attribute.ConstructorArguments[0].Value is ITypeSymbol type)
            {
                types.Add(type);
            }
        }

        foreach (var member in context.GetMembers())
        {
            if (member is IPropertySymbol { Type: INamedTypeSymbol propertyType }
                && propertyType.OriginalDefinition.IsType(TypeNames.JsonTypeInfoOfT))
            {
                types.Add(propertyType.TypeArguments[0]);
            }
        }

        return types;
    }

    private static string KindDescription(DiscriminatorKind kind)
        => kind == DiscriminatorKind.String ? "a string" : "an integer";

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    private void Report(DiagnosticDescriptor descriptor, Location? location, params object?[] arguments)
        => _diagnostics?.Add(Diagnostic.Create(descriptor, location, arguments));

    private Location? ArgumentLocation(AttributeData attribute)
        => _diagnostics is null ? null : GetArgumentLocation(attribute, _cancellationToken) ?? ClientIdentifierLocation();

    private Location? NamedArgumentLocation(string name) => NamedArgumentLocation(_clientAttribute, name);

    /// <summary>Where the named argument <paramref name="name"/> of <paramref name="attribute"/> is written, else the client's name.</summary>
    private Location? NamedArgumentLocation(AttributeData attribute, string name)
    {
        if (_diagnostics is null)
        {
            return null;
        }

        if (attribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is AttributeSyntax { ArgumentList: { } arguments })
        {
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.Expression.GetLocation();
                }
            }
        }

        return ClientIdentifierLocation();
    }

    /// <summary>The class name in the declaration that carries <c>[WebSocketClient]</c>.</summary>
    private Location? ClientIdentifierLocation()
    {
        if (_diagnostics is null)
        {
            return null;
        }

        if (_clientAttribute.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is { Parent.Parent: TypeDeclarationSyntax declaration })
        {
            return declaration.Identifier.GetLocation();
        }

        foreach (var reference in _client.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellationToken) is TypeDeclarationSyntax typeDeclaration)
            {
                return typeDeclaration.Identifier.GetLocation();
            }
        }

        return null;
    }
}
