namespace Article42.Mesh.Gateway;

/// <summary>
/// A TLS connection to the mesh cannot work, and retrying will not change that: the mesh refused this gateway's
/// certificate (or its lack of one), the silo's certificate is not from the trusted CA, this gateway's certificate is
/// unusable, or one side speaks TLS and the other does not. <see cref="Error"/> says which (<c>A42-TLS-*</c>).
/// </summary>
public sealed class MeshTlsException : Exception
{
    /// <summary>A TLS failure with its typed reason.</summary>
    public MeshTlsException(MeshError error)
        : base(error?.ToString())
    {
        ArgumentNullException.ThrowIfNull(error);
        Error = error;
    }

    /// <summary>Why: an <see cref="ErrorCodes"/> <c>Tls*</c> code, the endpoint or option at fault, and a sentence.</summary>
    public MeshError Error { get; }
}
