namespace Article42.Mesh.Protocol;

/// <summary>Where an activation of Art. 42(7) stands (docs/design/domain.md §8.4).</summary>
public enum ActivationState
{
    /// <summary>Invoked.</summary>
    Invoked,
    /// <summary>Acknowledged.</summary>
    Acknowledged,
    /// <summary>Assessing.</summary>
    Assessing,
    /// <summary>Requesting.</summary>
    Requesting,
    /// <summary>Assistance active.</summary>
    AssistanceActive,
    /// <summary>Stand down.</summary>
    StandDown,
    /// <summary>Closed.</summary>
    Closed,
    /// <summary>Withdrawn.</summary>
    Withdrawn,
}
