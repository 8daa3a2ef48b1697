namespace Article42.Mesh.IntegrationTests;

/// <summary>A <see cref="TlsMesh"/> whose silo lets one client certificate hold only <see cref="MaxPerCertificate"/> gateway connections.</summary>
public sealed class CertificateCappedTlsMesh : TlsMesh
{
    public const int MaxPerCertificate = 3;

    protected override IEnumerable<string> ExtraFlags => [$"--Connections:MaxPerCertificate={MaxPerCertificate}"];
}
