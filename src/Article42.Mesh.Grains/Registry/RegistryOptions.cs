namespace Article42.Mesh.Grains;

/// <summary>Configuration section <c>Registry</c>: how a silo follows the operator-signed registry documents (issue #21).</summary>
public sealed class RegistryOptions
{
    public const string Section = "Registry";

    /// <summary>How often the silo reads the journal for a newer registry document (default 1 s); a revocation takes effect within it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
