namespace Article42.Mesh.Protocol;

/// <summary>Where an activation of Art. 42(7) stands (docs/design/domain.md §8.4).</summary>
public enum ActivationState
{
    Invoked,
    Acknowledged,
    Assessing,
    Requesting,
    AssistanceActive,
    StandDown,
    Closed,
    Withdrawn,
}
