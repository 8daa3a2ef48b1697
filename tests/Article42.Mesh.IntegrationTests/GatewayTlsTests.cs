using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// Real TLS connections from the gateway SDK to a silo process that requires client certificates: the right one
/// works; no certificate, another CA's, an expired one, a silo the gateway does not trust and a gateway without TLS
/// are each refused within seconds with their own A42-TLS code, and the silo logs why it refused.
/// </summary>
public sealed class GatewayTlsTests(TlsMesh mesh) : IClassFixture<TlsMesh>
{
    /// <summary>What the silo logs when it refuses a gateway connection that came without a certificate.</summary>
    private const string RefusedWithoutCertificate = "presented no client certificate, and this mesh requires one";

    /// <summary>How long a refused connect may take before the test calls it a hang.</summary>
    private static readonly TimeSpan RefusedWithin = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_gateway_with_its_certificate_from_the_mesh_CA_sends_and_receives_over_mutual_TLS()
    {
        Assert.EndsWith("client certificates required", await mesh.Silo.LineAsync("tls"), StringComparison.Ordinal);
        await using var fr = await MeshGateway.ConnectAsync(mesh.Gateway("FR", MeshTlsOptions.FromTrustStore(mesh.Keys, "FR")), TestContext.Current.CancellationToken);
        await using var de = await MeshGateway.ConnectAsync(mesh.Gateway("DE", MeshTlsOptions.FromTrustStore(mesh.Keys, "DE")), TestContext.Current.CancellationToken);

        var receipt = await fr.SendAsync(fr.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken);

        await using var inbox = de.ReceiveAsync(TestContext.Current.CancellationToken).GetAsyncEnumerator(TestContext.Current.CancellationToken);
        Assert.True(await inbox.MoveNextAsync().AsTask().WaitAsync(Deadline.Scaled(TimeSpan.FromSeconds(30)), TestContext.Current.CancellationToken), "DE's SITREP");
        Assert.Equal(receipt.MessageId, inbox.Current.Envelope.MsgId);
    }

    [Fact]
    public async Task A_gateway_holding_FRs_signing_key_but_HUs_certificate_cannot_speak_for_FR()
    {
        await using var impostor = await MeshGateway.ConnectAsync(mesh.Gateway("FR", MeshTlsOptions.FromTrustStore(mesh.Keys, "HU")), TestContext.Current.CancellationToken);

        var refused = await Assert.ThrowsAsync<MeshRefusedException>(() => impostor.SendAsync(impostor.Draft(MessageKind.Sitrep, "DE"), TestContext.Current.CancellationToken));

        var error = Assert.Single(refused.Errors);
        Assert.Equal(("A42-SEC-002", "FR"), (error.Code, error.Path));
        Assert.EndsWith("this gateway connection's TLS client certificate speaks for 'HU', not 'FR'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gateway_without_a_client_certificate_is_refused_with_A42_TLS_001_and_counted()
    {
        var before = await GatewayRefusalsAsync();
        var logged = mesh.Silo.Errors.Count(line => line.Contains(RefusedWithoutCertificate, StringComparison.Ordinal));

        var refused = await RefusedAsync(mesh.Gateway("IT", new MeshTlsOptions { CertificateAuthorities = mesh.Trusted() }));

        Assert.Equal(ErrorCodes.TlsRefusedByMesh, refused.Code);
        Assert.Contains("it requires a client certificate and this gateway has none", refused.Message, StringComparison.Ordinal);
        await SiloCountsAsync(before);
        await Deadline.UntilAsync(
            () => mesh.Silo.Errors.Count(line => line.Contains(RefusedWithoutCertificate, StringComparison.Ordinal)) > logged,
            TimeSpan.FromSeconds(10),
            $"one more \"{RefusedWithoutCertificate}\" in the silo's log\n{mesh.Silo.Describe()}");
    }

    [Fact]
    public async Task A_gateway_certificate_from_another_CA_is_refused_by_the_silo_with_A42_TLS_001()
    {
        using var otherCa = DevelopmentPki.CreateAuthority("another CA", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        using var stranger = DevelopmentPki.IssueGateway(otherCa, "ES", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));

        var counted = await GatewayRefusalsAsync();

        var refused = await RefusedAsync(mesh.Gateway("ES", new MeshTlsOptions { CertificateAuthorities = mesh.Trusted(), ClientCertificate = stranger }));

        Assert.Equal(ErrorCodes.TlsRefusedByMesh, refused.Code);
        Assert.Contains("refused this gateway's certificate 'CN=ES", refused.Message, StringComparison.Ordinal);
        Assert.Contains("does not chain to the CA this gateway trusts either", refused.Message, StringComparison.Ordinal);
        await SiloLogsAsync("TLS connection refused on the gateway endpoint: certificate 'CN=ES, O=Article42.Mesh development' is not issued by a trusted certificate authority (its issuer is 'CN=another CA");
        await SiloCountsAsync(counted);
    }

    [Fact]
    public async Task An_expired_gateway_certificate_of_the_mesh_CA_is_refused_by_the_silo_with_A42_TLS_001()
    {
        using var authority = mesh.Authority();
        using var expired = DevelopmentPki.IssueGateway(authority, "PT", DateTimeOffset.UtcNow.AddDays(-60), DateTimeOffset.UtcNow.AddDays(-30));

        var counted = await GatewayRefusalsAsync();

        var refused = await RefusedAsync(mesh.Gateway("PT", new MeshTlsOptions { CertificateAuthorities = mesh.Trusted(), ClientCertificate = expired }));

        Assert.Equal(ErrorCodes.TlsRefusedByMesh, refused.Code);
        Assert.Contains($"it expired on {expired.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC", refused.Message, StringComparison.Ordinal);
        await SiloLogsAsync($"TLS connection refused on the gateway endpoint: certificate 'CN=PT, O=Article42.Mesh development' expired on {expired.NotAfter.ToUniversalTime():yyyy-MM-dd HH:mm} UTC");
        await SiloCountsAsync(counted);
        Assert.Matches(@"a42_tls_certificate_expiry_seconds(\{[^}]*\})? [1-9][0-9]{6}", await MetricsAsync());
    }

    [Fact]
    public async Task A_gateway_that_trusts_another_CA_refuses_the_silo_with_A42_TLS_002()
    {
        using var otherCa = DevelopmentPki.CreateAuthority("a CA the silo does not use", DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));

        var refused = await RefusedAsync(mesh.Gateway("AT", MeshTlsOptions.FromTrustStore(mesh.Keys, "AT") with { CertificateAuthorities = [otherCa] }));

        Assert.Equal(ErrorCodes.TlsSiloNotTrusted, refused.Code);
        // The class shares one silo: after the renewal test it presents its renewed certificate.
        Assert.Matches("certificate 'CN=a42-silo(-renewed)?, O=Article42.Mesh development' is not issued by a trusted certificate authority", refused.Message);
    }

    [Fact]
    public async Task A_gateway_without_TLS_is_told_that_the_mesh_requires_it_with_A42_TLS_004()
    {
        var refused = await RefusedAsync(mesh.Gateway("BE", tls: null));

        Assert.Equal(ErrorCodes.TlsMismatch, refused.Code);
        Assert.Equal($"127.0.0.1:{mesh.Ports.Gateway}", refused.Path);
        Assert.Contains("requires TLS and this gateway connects without it", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renewed_silo_certificate_is_used_for_new_connections_without_a_restart()
    {
        using var client = TlsCertificates.Load(mesh.Pki.Certificate("NL"));
        using var before = await TlsMesh.ServerCertificateAsync(mesh.Ports.Gateway, client);
        using var authority = mesh.Authority();
        using var renewed = DevelopmentPki.IssueSilo(authority, "a42-silo-renewed", TlsDirectory.SiloHosts, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(90));

        mesh.Pki.Write(TlsDirectory.SiloName, renewed);

        await Deadline.UntilAsync(
            async () =>
            {
                using var presented = await TlsMesh.ServerCertificateAsync(mesh.Ports.Gateway, client);
                return presented.Thumbprint == renewed.Thumbprint;
            },
            TimeSpan.FromSeconds(20),
            "the silo presenting the renewed certificate");
        Assert.NotEqual(before.Thumbprint, renewed.Thumbprint);
        await using var nl = await MeshGateway.ConnectAsync(mesh.Gateway("NL", MeshTlsOptions.FromTrustStore(mesh.Keys, "NL")), TestContext.Current.CancellationToken);
        Assert.NotNull(await nl.SendAsync(nl.Draft(MessageKind.Sitrep, "LU"), TestContext.Current.CancellationToken));
        await SiloLogsAsync("TLS certificate reloaded: 'CN=a42-silo-renewed");
    }

    /// <summary>Connects and expects a <see cref="MeshTlsException"/>, never a hang: the attempt is cancelled after <see cref="RefusedWithin"/>.</summary>
    private static async Task<MeshError> RefusedAsync(MeshGatewayOptions options)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(Deadline.Scaled(RefusedWithin));
        var clock = Stopwatch.StartNew();
        var refused = await Assert.ThrowsAsync<MeshTlsException>(async () => await (await MeshGateway.ConnectAsync(options, bound.Token)).DisposeAsync());
        Assert.True(clock.Elapsed < Deadline.Scaled(RefusedWithin), $"refused only after {clock.Elapsed}");
        return refused.Error;
    }

    /// <summary>The silo's count of refused TLS connections on its gateway endpoint (<c>a42_tls_refused_total</c>), from <c>/metrics</c>.</summary>
    private async Task<double> GatewayRefusalsAsync() =>
        Regex.Matches(await MetricsAsync(), @"^a42_tls_refused_total\{[^}]*a42_tls_endpoint=""gateway""[^}]*\} ([0-9.e+]+)", RegexOptions.Multiline)
            .Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));

    /// <summary>The class shares one silo: the refusal shows as a rise of the counter over what it was before this test's connect.</summary>
    private Task SiloCountsAsync(double before) =>
        Deadline.UntilAsync(async () => await GatewayRefusalsAsync() > before, TimeSpan.FromSeconds(10), $"a42_tls_refused_total{{a42_tls_endpoint=\"gateway\"}} rising above {before}");

    private async Task<string> MetricsAsync()
    {
        using var http = OperatorHttp.Client();
        return await http.GetStringAsync(mesh.Ports.Url("/metrics"), TestContext.Current.CancellationToken);
    }

    private Task SiloLogsAsync(string text) =>
        Deadline.UntilAsync(() => mesh.Silo.Errors.Any(line => line.Contains(text, StringComparison.Ordinal)), TimeSpan.FromSeconds(10), $"the silo logging \"{text}\"\n{mesh.Silo.Describe()}");
}
