using System.Security.Cryptography.X509Certificates;

namespace Article42.Mesh.Protocol.Tests;

/// <summary>The one peer check silos and gateways share: the mesh's own CA only, valid now, for its purpose.</summary>
public sealed class TlsPeerCheckTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private readonly X509Certificate2 authority = DevelopmentPki.CreateAuthority("mesh CA", Now.AddYears(-1), Now.AddYears(4));
    private readonly X509Certificate2 otherAuthority = DevelopmentPki.CreateAuthority("other CA", Now.AddYears(-1), Now.AddYears(4));

    private X509Certificate2Collection Trusted => [authority];

    [Fact]
    public void A_gateway_certificate_of_the_mesh_CA_passes_for_client_authentication_and_names_its_participant()
    {
        using var gateway = DevelopmentPki.IssueGateway(authority, "FR", Now.AddDays(-1), Now.AddYears(1));

        Assert.Null(TlsPeerCheck.Problem(gateway, null, Trusted, TlsPurpose.Client, Now.UtcDateTime));
        Assert.Equal("FR", TlsCertificates.CommonName(gateway));
    }

    [Fact]
    public void A_certificate_of_another_CA_is_refused_naming_its_issuer_even_when_it_is_otherwise_valid()
    {
        using var stranger = DevelopmentPki.IssueGateway(otherAuthority, "FR", Now.AddDays(-1), Now.AddYears(1));

        var problem = TlsPeerCheck.Problem(stranger, null, Trusted, TlsPurpose.Client, Now.UtcDateTime);

        Assert.Equal("certificate 'CN=FR, O=Article42.Mesh development' is not issued by a trusted certificate authority (its issuer is 'CN=other CA, O=Article42.Mesh development')", problem);
    }

    [Fact]
    public void An_expired_certificate_is_refused_with_its_expiry_and_one_not_yet_valid_with_its_start()
    {
        using var expired = DevelopmentPki.IssueGateway(authority, "FR", Now.AddDays(-60), Now.AddDays(-30));
        using var early = DevelopmentPki.IssueGateway(authority, "FR", Now.AddDays(10), Now.AddYears(1));

        Assert.Equal("certificate 'CN=FR, O=Article42.Mesh development' expired on 2026-10-27 12:00 UTC", TlsPeerCheck.Problem(expired, null, Trusted, TlsPurpose.Client, Now.UtcDateTime));
        Assert.Equal("certificate 'CN=FR, O=Article42.Mesh development' is not valid before 2026-12-06 12:00 UTC", TlsPeerCheck.Problem(early, null, Trusted, TlsPurpose.Client, Now.UtcDateTime));
    }

    [Fact]
    public void A_gateway_certificate_cannot_serve_as_a_silo_while_a_silo_certificate_serves_both_ways()
    {
        using var gateway = DevelopmentPki.IssueGateway(authority, "FR", Now.AddDays(-1), Now.AddYears(1));
        using var silo = DevelopmentPki.IssueSilo(authority, "a42-silo", TlsDirectory.SiloHosts, Now.AddDays(-1), Now.AddYears(1));

        Assert.Contains("is not valid for server authentication", TlsPeerCheck.Problem(gateway, null, Trusted, TlsPurpose.Server, Now.UtcDateTime), StringComparison.Ordinal);
        Assert.Null(TlsPeerCheck.Problem(silo, null, Trusted, TlsPurpose.Server, Now.UtcDateTime));
        Assert.Null(TlsPeerCheck.Problem(silo, null, Trusted, TlsPurpose.Client, Now.UtcDateTime));
    }

    [Fact]
    public void Trusting_two_CAs_during_a_rollover_accepts_certificates_of_either()
    {
        using var old = DevelopmentPki.IssueGateway(authority, "FR", Now.AddDays(-1), Now.AddYears(1));
        using var renewed = DevelopmentPki.IssueGateway(otherAuthority, "FR", Now.AddDays(-1), Now.AddYears(1));
        X509Certificate2Collection both = [authority, otherAuthority];

        Assert.Null(TlsPeerCheck.Problem(old, null, both, TlsPurpose.Client, Now.UtcDateTime));
        Assert.Null(TlsPeerCheck.Problem(renewed, null, both, TlsPurpose.Client, Now.UtcDateTime));
    }

    [Fact]
    public void A_development_directory_round_trips_through_PEM_files_with_owner_only_keys()
    {
        var directory = new TlsDirectory(Directory.CreateTempSubdirectory("a42-tls-").FullName);
        try
        {
            Assert.Equal(2, directory.Create(["FR", "DE"], DateTimeOffset.UtcNow));

            var authorities = TlsCertificates.LoadAuthorities(directory.AuthorityCertificate);
            using var fr = TlsCertificates.Load(directory.Certificate("FR"));
            using var silo = TlsCertificates.Load(directory.SiloCertificate);
            Assert.True(fr.HasPrivateKey && silo.HasPrivateKey);
            Assert.Null(TlsPeerCheck.Problem(fr, null, authorities, TlsPurpose.Client));
            Assert.Null(TlsPeerCheck.Problem(silo, null, authorities, TlsPurpose.Server));
            if (!OperatingSystem.IsWindows())
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(directory.Key("FR")));
        }
        finally
        {
            Directory.Delete(directory.Path, recursive: true);
        }
    }

    public void Dispose()
    {
        authority.Dispose();
        otherAuthority.Dispose();
    }
}
