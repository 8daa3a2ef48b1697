namespace Article42.Mesh.Grains;

/// <summary>Configuration section <c>Security</c>.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary><see cref="SignatureCheck.Always"/> (default) or <see cref="SignatureCheck.SessionOnly"/>.</summary>
    public SignatureCheck VerifySignatures { get; set; } = SignatureCheck.Always;

    /// <summary>The secret silos attach to silo-only calls; clients never hold it. Required.</summary>
    public string ClusterSecret { get; set; } = "";
}
