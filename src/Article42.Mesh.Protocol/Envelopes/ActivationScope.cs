namespace Article42.Mesh.Protocol;

/// <summary>Whether a kind must, may or must not name an activation.</summary>
public enum ActivationScope
{
    Required,
    Optional,
    None,
}
