namespace Article42.Mesh.Protocol;

/// <summary>The sub-machine of one requested capability line.</summary>
public enum RfaLineState
{
    /// <summary>Open.</summary>
    Open,
    /// <summary>Partially covered.</summary>
    PartiallyCovered,
    /// <summary>Covered.</summary>
    Covered,
    /// <summary>Cancelled.</summary>
    Cancelled,
}
