namespace Article42.Mesh.Cli.Exercises;

/// <summary>How the simulated participants of <c>a42 exercise run</c> connect to the mesh (<c>--clients</c>).</summary>
public enum ExerciseClients
{
    /// <summary>Each participant its own Orleans client and gateway connection, with its own TLS certificate, as real gateways.</summary>
    PerParticipant,

    /// <summary>One Orleans client (the operator's connection and certificate) for every participant: lighter, but a connection fault touches all.</summary>
    Shared,
}
