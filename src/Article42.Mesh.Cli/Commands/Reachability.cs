using Article42.Mesh.Gateway;
using Article42.Mesh.Protocol;

namespace Article42.Mesh.Cli.Commands;

/// <summary>
/// What a command does when nothing accepts connections at the mesh's gateways: a one-shot command gives up at the
/// first failed attempt (<see cref="GiveUp"/>, exit 4); <c>a42 listen</c> says so once on stderr and keeps retrying
/// (<see cref="Retrying"/>), and says when it got through.
/// </summary>
public sealed class Reachability
{
    private int _said;

    /// <summary>Ends connecting with the exception, which <see cref="CommandRunner"/> prints as <see cref="Error"/>.</summary>
    public static void GiveUp(MeshUnreachableException unreachable) => throw unreachable;

    public static MeshError Error(MeshUnreachableException unreachable)
    {
        var endpoints = string.Join(",", unreachable.Endpoints);
        return new MeshError(CliErrorCodes.Unreachable, endpoints,
            $"cannot reach a mesh at {endpoints}: nothing accepts connections there (start one with 'a42 mesh up', or give --gateway HOST:PORT)");
    }

    public void Retrying(MeshUnreachableException unreachable)
    {
        if (Interlocked.Exchange(ref _said, 1) == 0)
            Console.Error.WriteLine($"{Error(unreachable)}; retrying until it answers (Ctrl+C to stop)");
    }

    public void Connected()
    {
        if (Volatile.Read(ref _said) == 1)
            Console.Error.WriteLine("connected to the mesh");
    }
}
