namespace Article42.Mesh.Grains;

/// <summary>Configuration section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary><see cref="SignatureCheck.Always"/> (default) or <see cref="SignatureCheck.SessionOnly"/>.</summary>
    public SignatureCheck VerifySignatures { get; set; } = SignatureCheck.Always;

    /// <summary>
    /// The highest label operators may see through <c>a42 trace</c> and <c>a42 status</c> (default <c>RESTREINT_UE</c>):
    /// a message or activation above it shows only its id, sender and label.
    /// </summary>
    public Classification OperatorClearance { get; set; } = Classification.RestreintUe;

    /// <summary>The secret silos attach to silo-only calls; clients never hold it. Required.</summary>
    public string ClusterSecret { get; set; } = "";
}
