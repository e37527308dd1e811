using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using CpWebSocket.Generators.Inspection;
using CpWebSocket.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CpWebSocket.Generators;

public sealed partial class WebSocketClientGenerator
{
    /// <summary>Symbols in, model out: turns one <c>[WebSocketClient]</c> class into a <see cref="ClientModel"/>.</summary>
    internal static class Parser
    {
        /// <summary>
        /// Reads the class <paramref name="context"/> points at; <see langword="null"/> when it cannot be generated
        /// (the analyzer says why). Contracts that are invalid on their own are left out of the model.
        /// </summary>
        public static ClientModel? Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            if (context.TargetSymbol is not INamedTypeSymbol client || context.Attributes.Length == 0)
            {
                return null;
            }

            var inspection = ClientInspector.Inspect(
                client,
                context.Attributes[0],
                context.SemanticModel.Compilation,
                diagnostics: null,
                cancellationToken);

            return inspection.CanGenerate ? CreateModel(inspection, cancellationToken) : null;
        }

        /// <summary>Copies what the emitter needs out of <paramref name="inspection"/>, as strings.</summary>
        internal static ClientModel CreateModel(ClientInspection inspection, CancellationToken cancellationToken = default)
        {
            var client = inspection.Client;

            var namespaces = new List<INamespaceSymbol>();
            for (var ns = client.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
            {
                namespaces.Insert(0, ns);
            }

            var containingTypes = new List<INamedTypeSymbol>();
            for (var type = client.ContainingType; type is not null; type = type.ContainingType)
            {
                containingTypes.Insert(0, type);
            }

            var metadataName = new StringBuilder();
            var codeNamespace = new StringBuilder();
            foreach (var ns in namespaces)
            {
                metadataName.Append(ns.Name).Append('.');
                codeNamespace.Append(codeNamespace.Length == 0 ? string.Empty : ".").Append(SymbolExtensions.EscapeIdentifier(ns.Name));
            }

            var containingModels = new List<ContainingTypeModel>();
            foreach (var type in containingTypes)
            {
                metadataName.Append(type.MetadataName).Append('.');
                containingModels.Add(new ContainingTypeModel(KindOf(type), SymbolExtensions.EscapeIdentifier(type.Name), TypeParameterList(type)));
            }

            metadataName.Append(client.MetadataName);

            return new ClientModel(
                FullMetadataName: metadataName.ToString(),
                Namespace: codeNamespace.Length == 0 ? null : codeNamespace.ToString(),
                ContainingTypes: containingModels.ToEquatableArray(),
                ClassName: SymbolExtensions.EscapeIdentifier(client.Name),
                DiscriminatorProperty: inspection.DiscriminatorProperty,
                PayloadProperty: inspection.PayloadProperty,
                SerializerContextTypeName: inspection.SerializerContext?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                SentMessages: ToModels(inspection.Sent),
                ReceivedMessages: ToModels(inspection.Received),
                RequestId: inspection.RequestId is { } id ? new RequestIdModel(id.Property, id.InPayload, id.AsString) : null,
                Routes: inspection.Routes.Select(r => new RouteModel(r.Value.Kind, r.Value.ModelValue, r.By, r.Payload)).ToEquatableArray(),
                Constants: inspection.Constants.Select(c => new ConstantModel(c.Property, c.Literal)).ToEquatableArray(),
                Serialization: SerializationOf(inspection),
                EnvelopeTypeName: inspection.Envelope?.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                ErrorResponse: inspection.ErrorResponse is { } error
                    ? new ErrorResponseModel(error.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), error.Key.ToModel())
                    : null,
                Shapes: ReadShapes(inspection, cancellationToken),
                DeclaredMembers: ReadDeclaredMembers(client));
        }

        /// <summary>
        /// The generated members the user wrote already. Declaring one again would not compile (CS0111, CS0102), so the
        /// user's stands in its place: a constructor with the generated parameters, or any member named <c>Contracts</c>
        /// (the client then has no generated contracts, and <c>ClientContracts.Of</c> says so). A constructor with
        /// other parameters is none of the generator's business.
        /// </summary>
        private static DeclaredMembers ReadDeclaredMembers(INamedTypeSymbol client)
        {
            var declared = DeclaredMembers.None;
            foreach (var constructor in client.InstanceConstructors)
            {
                if (constructor.IsImplicitlyDeclared
                    || constructor.Parameters.Length is not (1 or 2)
                    || constructor.Parameters.Any(p => p.RefKind != RefKind.None)
                    || !constructor.Parameters[0].Type.IsType(TypeNames.Uri))
                {
                    continue;
                }

                if (constructor.Parameters.Length == 1)
                {
                    declared |= DeclaredMembers.UrlConstructor;
                }
                else if (constructor.Parameters[1].Type.IsType(TypeNames.HttpWebSocketOptions))
                {
                    declared |= DeclaredMembers.UrlAndOptionsConstructor;
                }
            }

            if (!client.GetMembers(GeneratedNames.Contracts).IsEmpty)
            {
                declared |= DeclaredMembers.Contracts;
            }

            return declared;
        }

        /// <summary>The settings a client serialized by reflection declares, or <see langword="null"/> for the web defaults (or a context).</summary>
        private static SerializationModel? SerializationOf(ClientInspection inspection)
        {
            var declared = inspection.Declared;
            if (inspection.SerializerContext is not null
                || (declared.NamingPolicy == TypeNames.CamelCaseNamingPolicy && declared.NumberHandling == TypeNames.AllowReadingFromString && declared.IgnoreCondition == TypeNames.IgnoreNever))
            {
                return null;
            }

            return new SerializationModel(declared.NamingPolicy, declared.NumberHandling, declared.IgnoreCondition);
        }

        /// <summary>The shapes of every type the client deserializes: received records, responses, the error response, the envelope.</summary>
        private static EquatableArray<ShapeModel> ReadShapes(ClientInspection inspection, CancellationToken cancellationToken)
        {
            var reader = new ShapeReader(inspection.NamingPolicy, cancellationToken);
            foreach (var contract in inspection.Received)
            {
                if (contract.PayloadValue is null)
                {
                    reader.Read(contract.Type);
                }
            }

            foreach (var contract in inspection.Sent)
            {
                reader.Read(contract.Request?.ResponseType);
            }

            reader.Read(inspection.ErrorResponse?.Type);
            reader.Read(inspection.Envelope);
            return reader.Shapes.ToEquatableArray();
        }

        private static EquatableArray<ContractModel> ToModels(IReadOnlyList<InspectedContract> contracts)
        {
            var models = new ContractModel[contracts.Count];
            for (var i = 0; i < models.Length; i++)
            {
                var contract = contracts[i];
                models[i] = new ContractModel(
                    contract.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                    contract.Type.Name,
                    contract.Discriminator.Kind,
                    contract.Discriminator.ModelValue,
                    contract.Accessibility,
                    contract.Request is { } request ? ToModel(request) : null,
                    contract.Key.ToModel().Second,
                    contract.PayloadValue is { } value
                        ? new PayloadValueModel(SymbolExtensions.EscapeIdentifier(value.Member.Name), value.ValueType.ToDisplayString(NullableFullyQualifiedFormat), value.ByConstructor)
                        : null);
            }

            return new EquatableArray<ContractModel>(models);
        }

        private static RequestModel ToModel(InspectedRequest request) => new(
            request.ResponseType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            request.MethodName,
            request.TimeoutMilliseconds,
            request.ResultType?.ToDisplayString(NullableFullyQualifiedFormat),
            request.ErrorType?.ToDisplayString(NullableFullyQualifiedFormat),
            request.ResponseKey?.ToModel(),
            request.ReturnsNothing);

        /// <summary>Fully qualified, keeping <c>?</c> on nullable reference types (a result may be declared nullable).</summary>
        private static readonly SymbolDisplayFormat NullableFullyQualifiedFormat =
            SymbolDisplayFormat.FullyQualifiedFormat.AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static ContainingTypeKind KindOf(INamedTypeSymbol type) => type switch
        {
            { IsRecord: true, TypeKind: TypeKind.Struct } => ContainingTypeKind.RecordStruct,
            { IsRecord: true } => ContainingTypeKind.Record,
            { TypeKind: TypeKind.Struct } => ContainingTypeKind.Struct,
            { TypeKind: TypeKind.Interface } => ContainingTypeKind.Interface,
            _ => ContainingTypeKind.Class,
        };

        /// <summary>
        /// The type parameter names of a containing type. Variance is never needed: an interface with variant
        /// type parameters cannot contain a class (CS8427).
        /// </summary>
        private static string TypeParameterList(INamedTypeSymbol type)
        {
            if (type.TypeParameters.Length == 0)
            {
                return string.Empty;
            }

            var builder = new StringBuilder("<");
            for (var i = 0; i < type.TypeParameters.Length; i++)
            {
                var parameter = type.TypeParameters[i];
                builder.Append(i == 0 ? string.Empty : ", ");
                builder.Append(SymbolExtensions.EscapeIdentifier(parameter.Name));
            }

            return builder.Append('>').ToString();
        }
    }
}
