using System.ComponentModel;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using CpWebSocket.Messaging;
using Xunit;

namespace CpWebSocket.Generators.Tests;

/// <summary>
/// The runtime types generated code calls are plumbing: hidden from IntelliSense, so that completion next to a client
/// offers what users write. The types users write, catch or pass stay visible.
/// </summary>
public sealed partial class RuntimeSurfaceTests
{
    /// <summary>Runtime types that generated code names and users write themselves.</summary>
    private static readonly Type[] s_userFacing =
    [
        typeof(MessageClient),
        typeof(HttpWebSocketOptions),
        typeof(RequestIdLocation),
        typeof(RequestIdKind),
        typeof(MessageStreamOptions),
        typeof(MessageSubscription<>),
        typeof(IResponse<,>),
        typeof(NoResult),
        typeof(WebSocketSendException),
        typeof(WebSocketRequestTimeoutException),
        typeof(WebSocketRequestAbortedException),
        typeof(WebSocketResponseException),
        typeof(WebSocketResponseException<>),
        typeof(CpWebSocket.Documentation.ClientContracts),
        typeof(CpWebSocket.Documentation.SentContract),
        typeof(CpWebSocket.Documentation.AsyncApiDocument),
        typeof(CpWebSocket.Documentation.AsyncApiOptions),
    ];

    [Fact]
    public void Every_runtime_type_generated_code_names_is_hidden_unless_users_write_it()
    {
        var named = TypesNamedByGeneratedCode();
        Assert.Contains(typeof(MessageProtocol), named);
        Assert.Contains(typeof(InboundRouter), named);

        var visiblePlumbing = named.Except(s_userFacing).Where(t => !IsHidden(t)).Select(t => t.FullName).Order(StringComparer.Ordinal).ToList();
        Assert.True(visiblePlumbing.Count == 0, "Named by generated code but shown by IntelliSense:\n  " + string.Join("\n  ", visiblePlumbing));
        Assert.All(s_userFacing, t => Assert.False(IsHidden(t), t.FullName + " is written by users, but hidden"));
    }

    [Fact]
    public void The_members_generated_clients_call_on_their_base_are_hidden_the_lifecycle_is_not()
    {
        var methods = typeof(MessageClient).GetMethods(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
            .Where(m => m.IsFamily)
            .ToList();
        var plumbing = methods.Where(m => m.GetParameters().Any(p => IsHidden(p.ParameterType.IsGenericType ? p.ParameterType.GetGenericTypeDefinition() : p.ParameterType))).ToList();

        Assert.Equal(
            ["ReadMessagesAsync", "RequestAsync", "RequestResultAsync", "SendMessageAsync"],
            plumbing.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.All(plumbing, m => Assert.True(IsHidden(m), m.Name + " takes plumbing types, but is shown"));
        Assert.All(methods.Except(plumbing), m => Assert.False(IsHidden(m), m.Name + " is hidden"));
        Assert.All(typeof(MessageClient).GetMembers(BindingFlags.Instance | BindingFlags.Public), m => Assert.False(IsHidden(m), m.Name + " is hidden"));
    }

    private static bool IsHidden(MemberInfo member)
        => member.GetCustomAttribute<EditorBrowsableAttribute>()?.State == EditorBrowsableState.Never;

    /// <summary>The runtime types named in the verified snapshots, which cover every kind of generated member.</summary>
    private static HashSet<Type> TypesNamedByGeneratedCode()
    {
        var runtimeTypes = typeof(MessageClient).Assembly.GetExportedTypes()
            .ToLookup(t => GenericArity().Replace(t.FullName!, string.Empty).Replace('+', '.'), StringComparer.Ordinal);
        var named = new HashSet<Type>();
        foreach (var file in Directory.EnumerateFiles(SnapshotDirectory(), "*.verified.cs"))
        {
            foreach (Match match in QualifiedName().Matches(File.ReadAllText(file)))
            {
                // The longest dotted prefix that is a type: the rest names a member (MessageProtocol.Create).
                var segments = match.Groups["name"].Value.Split('.');
                for (var length = segments.Length; length > 0; length--)
                {
                    // WebSocketResponseException names both arities; either may be meant.
                    var types = runtimeTypes[string.Join('.', segments, 0, length)].ToList();
                    if (types.Count > 0)
                    {
                        named.UnionWith(types);
                        break;
                    }
                }
            }
        }

        return named;
    }

    private static string SnapshotDirectory([CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "Snapshots");

    [GeneratedRegex(@"global::(?<name>CpWebSocket(?:\.[A-Za-z_]\w*)+)")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"`\d+")]
    private static partial Regex GenericArity();
}
