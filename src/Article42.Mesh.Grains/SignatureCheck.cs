namespace Article42.Mesh.Grains;

/// <summary>Whether a submit verifies the envelope signature, or trusts the session that proved the sender.</summary>
public enum SignatureCheck
{
    /// <summary>Every envelope's signature is verified against the registry once, at submit.</summary>
    Always,
    /// <summary>The session proves the sender; signatures are carried for recipients to verify.</summary>
    SessionOnly,
}
