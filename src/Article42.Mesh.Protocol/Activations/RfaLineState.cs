namespace Article42.Mesh.Protocol;

/// <summary>The sub-machine of one requested capability line.</summary>
public enum RfaLineState
{
    Open,
    PartiallyCovered,
    Covered,
    Cancelled,
}
