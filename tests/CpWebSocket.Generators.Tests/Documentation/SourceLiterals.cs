using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CpWebSocket.Generators.Tests.Documentation;

/// <summary>
/// Works out, from the text of the test files alone, the strings their expressions stand for: literals (raw, verbatim,
/// interpolated), <c>+</c>, constants, fields, properties and locals initialized once, a theory's parameters bound to one
/// row of its data, and calls of the tests' own source helpers (<see cref="TestSources"/>) with such arguments. Anything
/// else stands for no string (<see langword="null"/>): a source built otherwise is not found, never guessed.
/// </summary>
internal sealed class SourceLiterals(IReadOnlyList<SyntaxTree> trees)
{
    private readonly ILookup<string, TypeDeclarationSyntax> _types = trees
        .SelectMany(tree => tree.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
        .ToLookup(type => type.Identifier.ValueText, StringComparer.Ordinal);

    /// <summary>The string <paramref name="expression"/> stands for, with <paramref name="parameters"/> bound; <see langword="null"/> when unknown.</summary>
    public string? Evaluate(ExpressionSyntax expression, IReadOnlyDictionary<string, string?> parameters) => Evaluate(expression, parameters, depth: 0);

    /// <summary>
    /// The rows of data a test method runs with, as parameter bindings: one empty row for a method without parameters,
    /// one per <c>[InlineData]</c> or element of a <c>[MemberData]</c> collection otherwise.
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, string?>> Rows(BaseMethodDeclarationSyntax method)
    {
        var names = method.ParameterList.Parameters.Select(p => p.Identifier.ValueText).ToArray();
        if (names.Length == 0)
        {
            return [new Dictionary<string, string?>(StringComparer.Ordinal)];
        }

        var rows = new List<IReadOnlyDictionary<string, string?>>();
        foreach (var attribute in method.AttributeLists.SelectMany(list => list.Attributes))
        {
            var arguments = attribute.ArgumentList?.Arguments.Select(a => a.Expression).ToList() ?? [];
            switch (Name(attribute.Name))
            {
                case "InlineData":
                    rows.Add(Bind(names, arguments));
                    break;
                case "MemberData" when arguments.Count == 1 && Evaluate(arguments[0], Empty, 0) is { } member:
                    foreach (var element in MemberDataElements(method, member))
                    {
                        rows.Add(Bind(names, element));
                    }

                    break;
            }
        }

        return rows;
    }

    private static readonly IReadOnlyDictionary<string, string?> Empty = new Dictionary<string, string?>(StringComparer.Ordinal);

    private Dictionary<string, string?> Bind(string[] names, IReadOnlyList<ExpressionSyntax> values)
    {
        var row = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            row[names[i]] = i < values.Count ? Evaluate(values[i], Empty, 0) : null;
        }

        return row;
    }

    private IEnumerable<IReadOnlyList<ExpressionSyntax>> MemberDataElements(SyntaxNode scope, string member)
    {
        var initializer = MemberInitializer(scope, member);
        var elements = initializer switch
        {
            BaseObjectCreationExpressionSyntax { Initializer: { } list } => list.Expressions,
            CollectionExpressionSyntax collection => SyntaxFactory.SeparatedList(collection.Elements.OfType<ExpressionElementSyntax>().Select(e => e.Expression)),
            _ => default,
        };
        foreach (var element in elements)
        {
            yield return element is InitializerExpressionSyntax complex ? complex.Expressions.ToList() : [element];
        }
    }

    private string? Evaluate(ExpressionSyntax expression, IReadOnlyDictionary<string, string?> parameters, int depth)
    {
        if (depth > 32)
        {
            return null;
        }

        depth++;
        switch (expression)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return literal.Token.ValueText;
            case InterpolatedStringExpressionSyntax interpolated:
                var text = new System.Text.StringBuilder();
                foreach (var content in interpolated.Contents)
                {
                    var part = content switch
                    {
                        InterpolatedStringTextSyntax plain => plain.TextToken.ValueText,
                        InterpolationSyntax { AlignmentClause: null, FormatClause: null } hole => Evaluate(hole.Expression, parameters, depth),
                        _ => null,
                    };
                    if (part is null)
                    {
                        return null;
                    }

                    text.Append(part);
                }

                return text.ToString();
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                return Evaluate(binary.Left, parameters, depth) is { } left && Evaluate(binary.Right, parameters, depth) is { } right ? left + right : null;
            case ParenthesizedExpressionSyntax parenthesized:
                return Evaluate(parenthesized.Expression, parameters, depth);
            case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } } nameOf
                when nameOf.ArgumentList.Arguments.Count == 1:
                return Name(nameOf.ArgumentList.Arguments[0].Expression);
            case IdentifierNameSyntax identifier:
                var name = identifier.Identifier.ValueText;
                if (parameters.TryGetValue(name, out var bound))
                {
                    return bound;
                }

                return LocalInitializer(identifier, name) is { } local ? Evaluate(local, parameters, depth)
                    : MemberInitializer(identifier, name) is { } member ? Evaluate(member, Empty, depth)
                    : null;
            case MemberAccessExpressionSyntax access when Name(access) is "string.Empty" or "String.Empty":
                return string.Empty;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Replace" } replace } call
                when call.ArgumentList.Arguments.Count is 2 or 3:
                // string.Replace(old, new[, StringComparison.Ordinal]), the one way the tests edit a source.
                var replaceArguments = call.ArgumentList.Arguments;
                return Evaluate(replace.Expression, parameters, depth) is { } target
                    && Evaluate(replaceArguments[0].Expression, parameters, depth) is { Length: > 0 } oldValue
                    && Evaluate(replaceArguments[1].Expression, parameters, depth) is { } newValue
                    && (replaceArguments.Count == 2 || Name(replaceArguments[2].Expression) == "StringComparison.Ordinal")
                    ? target.Replace(oldValue, newValue, StringComparison.Ordinal)
                    : null;
            case MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Source", Expression: InvocationExpressionSyntax parse }
                when Name(parse.Expression) == "DiagnosticMarkup.Parse" && parse.ArgumentList.Arguments.Count == 1:
                // The markup is removed from every source found anyway.
                return Evaluate(parse.ArgumentList.Arguments[0].Expression, parameters, depth);
            case MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax typeName } qualified:
                return _types[typeName.Identifier.ValueText].Select(type => TypeMember(type, qualified.Name.Identifier.ValueText)).FirstOrDefault(m => m is not null) is { } other
                    ? Evaluate(other, Empty, depth)
                    : null;
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: nameof(TestSources) } } helper } call:
                var arguments = call.ArgumentList.Arguments.Select(a => Evaluate(a.Expression, parameters, depth)).ToArray();
                return arguments.All(a => a is not null) ? CallTestSources(helper.Name.Identifier.ValueText, arguments!) : null;
            default:
                return null;
        }
    }

    /// <summary>Runs a helper of <see cref="TestSources"/> whose parameters are all strings (the last may be <c>params string[]</c>).</summary>
    private static string? CallTestSources(string name, string[] arguments)
    {
        foreach (var method in typeof(TestSources).GetMethods().Where(m => m.IsStatic && m.Name == name && m.ReturnType == typeof(string)))
        {
            var parameters = method.GetParameters();
            var last = parameters.Length - 1;
            var hasParams = last >= 0 && parameters[last].ParameterType == typeof(string[]);
            if (parameters.Take(hasParams ? last : parameters.Length).Any(p => p.ParameterType != typeof(string))
                || (hasParams ? arguments.Length < last : arguments.Length != parameters.Length))
            {
                continue;
            }

            object?[] values = hasParams
                ? [.. arguments.Take(last), arguments.Skip(last).ToArray()]
                : arguments;
            return (string?)method.Invoke(null, values);
        }

        return null;
    }

    /// <summary>The initializer of the local named <paramref name="name"/> in the member around <paramref name="use"/>, when it is never assigned again.</summary>
    private static ExpressionSyntax? LocalInitializer(SyntaxNode use, string name)
    {
        var body = use.Ancestors().FirstOrDefault(a => a is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax);
        if (body is null)
        {
            return null;
        }

        var declarators = body.DescendantNodes().OfType<VariableDeclaratorSyntax>().Where(d => d.Identifier.ValueText == name).ToList();
        var assigned = body.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a => a.Left is IdentifierNameSyntax id && id.Identifier.ValueText == name);
        return declarators.Count == 1 && !assigned ? declarators[0].Initializer?.Value : null;
    }

    /// <summary>The initializer of the field or property named <paramref name="name"/> of a type around <paramref name="use"/>.</summary>
    private static ExpressionSyntax? MemberInitializer(SyntaxNode use, string name)
        => use.Ancestors().OfType<TypeDeclarationSyntax>().Select(type => TypeMember(type, name)).FirstOrDefault(m => m is not null);

    private static ExpressionSyntax? TypeMember(TypeDeclarationSyntax type, string name)
    {
        foreach (var member in type.Members)
        {
            switch (member)
            {
                case FieldDeclarationSyntax field:
                    if (field.Declaration.Variables.FirstOrDefault(v => v.Identifier.ValueText == name) is { Initializer.Value: { } value }
                        && field.Modifiers.Any(m => m.IsKind(SyntaxKind.ConstKeyword) || m.IsKind(SyntaxKind.ReadOnlyKeyword)))
                    {
                        return value;
                    }

                    break;
                case PropertyDeclarationSyntax property when property.Identifier.ValueText == name:
                    return property.Initializer?.Value ?? property.ExpressionBody?.Expression;
            }
        }

        return null;
    }

    private static string? Name(SyntaxNode node) => node switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        PredefinedTypeSyntax keyword => keyword.Keyword.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        QualifiedNameSyntax qualified => Name(qualified.Right),
        MemberAccessExpressionSyntax access => Name(access.Expression) is { } left ? left + "." + access.Name.Identifier.ValueText : null,
        _ => null,
    };
}
