namespace Article42.Mesh.Protocol;

/// <summary>Whether a kind must, may or must not name an activation.</summary>
public enum ActivationScope
{
    /// <summary>Required.</summary>
    Required,
    /// <summary>Optional.</summary>
    Optional,
    /// <summary>None.</summary>
    None,
}
