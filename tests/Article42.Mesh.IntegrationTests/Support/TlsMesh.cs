using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// An embedded silo process with mutual TLS required and each gateway certificate bound to its participant, on a
/// development PKI made 90 days ago (so that certificates that expired last month can still be issued by its CA),
/// shared by the tests of one class.
/// </summary>
public class TlsMesh : IAsyncLifetime
{
    private readonly TempHome home = new();

    public SiloPorts Ports { get; } = SiloPorts.Free();

    public string Keys => Path.Combine(home.Path, "keys");

    public TlsDirectory Pki => TlsDirectory.Of(Keys);

    public TestProcess Silo { get; private set; } = null!;

    /// <summary>What a derived fixture writes before the silo starts (a revocation list, for instance).</summary>
    protected virtual void Prepare()
    {
    }

    /// <summary>Further silo flags a derived fixture adds (a cap, for instance).</summary>
    protected virtual IEnumerable<string> ExtraFlags => [];

    public async ValueTask InitializeAsync()
    {
        var store = TrustStore.Create(Keys, ParticipantRegistry.Default);
        Pki.Create(store.Registry.Participants.Select(p => p.Id), DateTimeOffset.UtcNow.AddDays(-90));
        Prepare();
        Silo = SiloProcess.Start("embedded silo with mutual TLS", "Article42.Mesh.Silo.dll", home.Path,
            [.. Ports.Flags(), "--keys", Keys, "--Tls:RequireClientCertificate=true", "--Tls:BindParticipant=true", "--Dashboard:Enabled=false", .. ExtraFlags]);
        await Silo.ReadyAsync();
    }

    /// <summary>A gateway's options for <paramref name="participant"/> on this silo, with <paramref name="tls"/>.</summary>
    public MeshGatewayOptions Gateway(string participant, MeshTlsOptions? tls) => new()
    {
        Participant = participant,
        TrustStoreDirectory = Keys,
        Connection = new() { Endpoints = [new IPEndPoint(IPAddress.Loopback, Ports.Gateway)], Tls = tls },
        RetryMaxDelay = TimeSpan.FromSeconds(1),
    };

    /// <summary>The mesh's CA with its private key, to issue certificates of any validity.</summary>
    public X509Certificate2 Authority() => TlsCertificates.Load(Pki.AuthorityCertificate, Pki.Key(TlsDirectory.AuthorityName));

    /// <summary>The mesh's CA as a gateway trusts it.</summary>
    public X509Certificate2Collection Trusted() => TlsCertificates.LoadAuthorities(Pki.AuthorityCertificate);

    /// <summary>The certificate the silo presents on a new TLS connection to <paramref name="port"/>.</summary>
    public static async Task<X509Certificate2> ServerCertificateAsync(int port, X509Certificate2 client)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port);
        await using var tls = new SslStream(tcp.GetStream());
        await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            ClientCertificates = [client],
            RemoteCertificateValidationCallback = (_, _, _, _) => true,
        });
        return X509CertificateLoader.LoadCertificate(tls.RemoteCertificate!.GetRawCertData());
    }

    public async ValueTask DisposeAsync()
    {
        if (Silo is not null)
            await Silo.DisposeAsync();
        home.Dispose();
        GC.SuppressFinalize(this);
    }
}
