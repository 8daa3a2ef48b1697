using System.Collections.Immutable;

namespace Article42.Mesh.TestKit;

/// <summary>
/// Where a test's server or program runs on the network: the address it listens on and the command that starts it
/// there (the fault suite's <c>ip netns exec NAME</c>; nothing on loopback).
/// </summary>
public sealed record NetworkPlace(string Address, ImmutableArray<string> Launcher)
{
    /// <summary>127.0.0.1 of the machine's own network: what every server of the kit uses unless told otherwise.</summary>
    public static NetworkPlace Loopback { get; } = new("127.0.0.1", []);

    /// <summary>Starts <paramref name="file"/> with <paramref name="args"/> in this place.</summary>
    public TestProcess Start(string name, string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Launcher.IsEmpty
            ? TestProcess.Start(name, file, args, environment)
            : TestProcess.Start(name, Launcher[0], [.. Launcher.Skip(1), file, .. args], environment);

    /// <summary>Starts <paramref name="dll"/>, built beside the test assembly, in this place (as <see cref="TestProcess.StartDll"/> does).</summary>
    public TestProcess StartDll(string name, string dll, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null) =>
        Start(name, TestProcess.DotnetHost, [Path.Combine(AppContext.BaseDirectory, dll), .. args], environment);
}
