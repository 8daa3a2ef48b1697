namespace Article42.Mesh.Protocol;

/// <summary>The three parts of the catalogue; exercise control is legal only in exercise and drill modes.</summary>
public enum MessageFamily
{
    /// <summary>Lifecycle.</summary>
    Lifecycle,
    /// <summary>Handling.</summary>
    Handling,
    /// <summary>Exercise control.</summary>
    ExerciseControl,
}
