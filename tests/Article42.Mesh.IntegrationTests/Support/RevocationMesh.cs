using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// A <see cref="TlsMesh"/> whose silo starts with a revocation list that revokes PT's gateway certificate and is
/// overdue (its next update was yesterday: the silo uses it all the same). <see cref="Revoke(X509Certificate2[])"/> issues the next list,
/// as an operator would, while the silo runs.
/// </summary>
public sealed class RevocationMesh : TlsMesh
{
    /// <summary>The list the silo started with (number 1).</summary>
    public byte[] FirstList { get; private set; } = [];

    /// <summary>The last good list written, on which the next one builds.</summary>
    public byte[] LastList { get; private set; } = [];

    protected override void Prepare()
    {
        using var authority = Authority();
        using var pt = TlsCertificates.Load(Pki.Certificate("PT"));
        FirstList = DevelopmentPki.IssueRevocationList(authority, null, [pt], DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1));
        Install(FirstList);
    }

    /// <summary>The next list: every certificate revoked so far and <paramref name="revoked"/>, written in place at once.</summary>
    public void Revoke(params X509Certificate2[] revoked) => Revoke(DateTimeOffset.UtcNow.AddDays(30), revoked);

    /// <summary>The next list, due at <paramref name="nextUpdate"/> (in the past: a list overdue on arrival).</summary>
    public void Revoke(DateTimeOffset nextUpdate, params X509Certificate2[] revoked)
    {
        using var authority = Authority();
        var issued = nextUpdate < DateTimeOffset.UtcNow ? nextUpdate.AddDays(-1) : DateTimeOffset.UtcNow;
        Install(DevelopmentPki.IssueRevocationList(authority, LastList, revoked, issued, nextUpdate));
    }

    /// <summary>Writes <paramref name="text"/> as the list file (a bad list, to see it refused), in place at once.</summary>
    public void WriteRaw(byte[] text) => Replace(text);

    private void Install(byte[] der)
    {
        Replace(Encoding.ASCII.GetBytes(PemEncoding.WriteString("X509 CRL", der) + "\n"));
        LastList = der;
    }

    /// <summary>Written beside and moved in, as cert-manager and 'a42 keys revoke-cert' do: the silo never reads half a file.</summary>
    private void Replace(byte[] content)
    {
        var staging = Pki.RevocationList + ".new";
        File.WriteAllBytes(staging, content);
        File.Move(staging, Pki.RevocationList, overwrite: true);
    }
}
