namespace Article42.Mesh.Cli;

/// <summary>Exit codes of every a42 command, now and later.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>Runtime failure: unreachable, timed out, internal.</summary>
    public const int Failure = 1;
    /// <summary>Invalid input or usage, or refused by the mesh.</summary>
    public const int Invalid = 2;
    /// <summary>Finished with a partial failure (an NDR under --wait-delivery, a listen that timed out before --count).</summary>
    public const int Partial = 3;
    /// <summary>Nothing accepts connections at the mesh's gateway endpoints: a one-shot command (send, trace, status) says so within seconds.</summary>
    public const int Unreachable = 4;
}
