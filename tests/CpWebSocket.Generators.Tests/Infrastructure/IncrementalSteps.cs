using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Xunit;

namespace CpWebSocket.Generators.Tests.Infrastructure;

/// <summary>Checks on the tracked steps of incremental runs, after NetEscapades.EnumGenerators' TestHelpers.</summary>
internal static class IncrementalSteps
{
    /// <summary>The pipeline steps the generator names, in pipeline order.</summary>
    public static readonly string[] StepNames =
        typeof(TrackingNames)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();

    /// <summary>The runs of the named step in <paramref name="result"/>.</summary>
    public static IReadOnlyList<IncrementalGeneratorRunStep> Steps(GeneratorDriverRunResult result, string trackingName)
        => result.Results.Single().TrackedSteps.TryGetValue(trackingName, out var steps) ? steps : [];

    /// <summary>Every output of the named step, with its reason.</summary>
    public static IEnumerable<(object Value, IncrementalStepRunReason Reason)> Outputs(GeneratorDriverRunResult result, string trackingName)
        => Steps(result, trackingName).SelectMany(step => step.Outputs);

    /// <summary>Asserts every tracked step and every source output of <paramref name="result"/> was cached or unchanged.</summary>
    public static void AssertAllCachedOrUnchanged(GeneratorDriverRunResult result)
    {
        var generatorResult = result.Results.Single();
        foreach (var name in StepNames)
        {
            var outputs = Outputs(result, name).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {name} produced {output.Reason} for {output.Value}"));
        }

        var sourceOutputs = generatorResult.TrackedOutputSteps.SelectMany(pair => pair.Value).SelectMany(step => step.Outputs).ToList();
        Assert.NotEmpty(sourceOutputs);
        Assert.All(sourceOutputs, output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
    }

    /// <summary>
    /// Asserts that no output of any named step holds, anywhere in its object graph, a symbol, a syntax
    /// node or tree, a semantic model, a compilation or a location: they would keep old compilations alive
    /// and defeat caching.
    /// </summary>
    public static void AssertNoCompilationObjects(GeneratorDriverRunResult result)
    {
        var generatorResult = result.Results.Single();
        var steps = generatorResult.TrackedSteps.Where(pair => StepNames.Contains(pair.Key));
        var checkedAny = false;
        foreach (var (name, runs) in steps)
        {
            foreach (var output in runs.SelectMany(run => run.Outputs))
            {
                checkedAny = true;
                AssertGraphIsClean(output.Value, name + " output");
            }
        }

        Assert.True(checkedAny, "No step output was tracked.");
    }

    /// <summary>Asserts that nothing reachable from <paramref name="root"/> is a compilation object.</summary>
    public static void AssertGraphIsClean(object? root, string path)
        => AssertGraphIsClean(root, path, new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static bool IsDefaultImmutableArray(object node)
        => node.GetType() is { IsGenericType: true } type
            && type.GetGenericTypeDefinition() == typeof(System.Collections.Immutable.ImmutableArray<>)
            && (bool)type.GetProperty("IsDefault")!.GetValue(node)!;

    private static void AssertGraphIsClean(object? node, string path, HashSet<object> visited)
    {
        if (node is null || node is string || node.GetType().IsPrimitive || node.GetType().IsEnum)
        {
            return;
        }

        Assert.False(
            node is ISymbol or SyntaxNode or SyntaxTree or SemanticModel or Compilation or Location or SyntaxReference or AttributeData,
            $"{path} holds a {node.GetType().Name}");

        if (!node.GetType().IsValueType && !visited.Add(node))
        {
            return;
        }

        if (node is IEnumerable sequence && !IsDefaultImmutableArray(node))
        {
            var index = 0;
            foreach (var item in sequence)
            {
                AssertGraphIsClean(item, $"{path}[{index++}]", visited);
            }
        }

        for (var type = node.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                AssertGraphIsClean(field.GetValue(node), path + "." + field.Name, visited);
            }
        }
    }
}
