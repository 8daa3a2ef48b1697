using Article42.Mesh.Gateway;
using Article42.Mesh.Hosting.Connections;

namespace Article42.Mesh.IntegrationTests.Gateway;

/// <summary>One TLS client certificate holds at most <c>Connections:MaxPerCertificate</c> gateway connections on a silo (a real silo process).</summary>
public sealed class GatewayCertificateCapTests(CertificateCappedTlsMesh mesh) : IClassFixture<CertificateCappedTlsMesh>
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_connection_past_the_certificate_cap_is_closed_with_a_logged_reason_and_counted()
    {
        using var certificate = TlsCertificates.Load(mesh.Pki.Certificate("FR"), mesh.Pki.Key("FR"));
        var before = await GatewayChecks.RefusedAsync(mesh.Ports, GatewayRefusal.CertificateCap);
        var held = new List<RawGatewayConnection>();
        try
        {
            for (var i = 0; i < CertificateCappedTlsMesh.MaxPerCertificate; i++)
                held.Add(await RawGatewayConnection.OpenAsync(mesh.Ports.Gateway, Answer, certificate));
            Assert.All(held, connection => Assert.True(connection.Accepted));

            using var oneMore = await RawGatewayConnection.OpenAsync(mesh.Ports.Gateway, Answer, certificate);

            Assert.False(oneMore.Accepted);
            await GatewayChecks.LogsAsync(mesh.Silo, $"closed (certificate-cap): its certificate {certificate.Thumbprint} already holds {CertificateCappedTlsMesh.MaxPerCertificate} connections (Connections:MaxPerCertificate)");
            await GatewayChecks.CountsAsync(mesh.Ports, GatewayRefusal.CertificateCap, before);
        }
        finally
        {
            held.ForEach(connection => connection.Dispose());
        }

        // The slots come back as the silo sees the connections end.
        await Deadline.UntilAsync(async () =>
        {
            using var probe = await RawGatewayConnection.OpenAsync(mesh.Ports.Gateway, Answer, certificate);
            return probe.Accepted;
        }, TimeSpan.FromSeconds(30), "a gateway connection with the same certificate accepted again");
        await FranceReachesGermanyOverTlsAsync();
    }

    private async Task FranceReachesGermanyOverTlsAsync()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var fr = await MeshGateway.ConnectAsync(mesh.Gateway("FR", MeshTlsOptions.FromTrustStore(mesh.Keys, "FR")), cancel);
        await using var de = await MeshGateway.ConnectAsync(mesh.Gateway("DE", MeshTlsOptions.FromTrustStore(mesh.Keys, "DE")), cancel);
        var receipt = await fr.SendAsync(fr.Draft(MessageKind.Sitrep, "DE"), cancel);
        await using var inbox = de.ReceiveAsync(cancel).GetAsyncEnumerator(cancel);
        Assert.True(await inbox.MoveNextAsync().AsTask().WaitAsync(Deadline.Scaled(TimeSpan.FromSeconds(30)), cancel), "DE's SITREP");
        Assert.Equal(receipt.MessageId, inbox.Current.Envelope.MsgId);
    }
}
