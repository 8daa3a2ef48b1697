namespace Article42.Mesh.Exercises;

/// <summary>How the simulated participants decide what to do.</summary>
public enum ExerciseEngine
{
    /// <summary>Everything decided in advance on the scenario clock (<see cref="SimulationPlan"/>), delivery taken as instant; the figures do not depend on the mesh's timing.</summary>
    Planned,

    /// <summary>Each participant decides when a message arrives over the mesh (<see cref="ReactiveEngine"/>); most figures depend on the mesh's timing.</summary>
    Reactive,
}
