using System.Reflection;
using System.Runtime.Versioning;

namespace CpWebSocket.Tests.Packaging;

/// <summary>
/// A test run for one of the package's targets runs on that target's runtime, with that target's build of CpWebSocket:
/// never rolled forward to a newer runtime, never handed the build of another target.
/// </summary>
public sealed class TargetRuntimeTests
{
    [Fact]
    public void The_tests_run_on_the_runtime_they_target_with_the_build_for_it()
    {
        var target = typeof(TargetRuntimeTests).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName;
        Assert.NotNull(target);
        Assert.Equal(new FrameworkName(target).Version.Major, Environment.Version.Major);
        Assert.Equal(target, typeof(HttpWebSocket).Assembly.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName);
    }
}
