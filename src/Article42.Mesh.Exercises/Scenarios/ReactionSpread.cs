namespace Article42.Mesh.Exercises;

/// <summary>How a participant's reaction times spread around its typical time (<see cref="Behaviour.Jitter"/> sets how far).</summary>
public enum ReactionSpread
{
    /// <summary>Evenly within ± jitter of the typical time: bounded, no stragglers.</summary>
    Uniform,

    /// <summary>Log-normal around the typical time (its median), jitter the log's standard deviation: mostly close, sometimes very late.</summary>
    LogNormal,
}
