using Article42.Mesh.Gateway;
using Article42.Mesh.Hosting.Connections;
using Orleans.Configuration;

namespace Article42.Mesh.IntegrationTests.Gateway;

/// <summary>
/// With <c>Tls:BindParticipant</c> on a two-silo cluster (throwaway Redis and PostgreSQL): a gateway connection whose
/// preamble claims a client id that a connection on the other gateway silo holds with another certificate is closed
/// before Orleans reads it (A42-SEC-004, logged and counted), the holder keeps working, and once the holder disconnects
/// its claim is released: the client id can be held again through the other silo at once.
/// </summary>
public sealed class ClientIdBindingTests
{
    private static readonly TimeSpan Answer = TimeSpan.FromSeconds(30);
    private const string Owner = "PT";

    [Fact]
    public async Task A_client_id_bound_on_one_gateway_silo_cannot_be_claimed_with_another_certificate_on_the_other_until_its_holder_leaves()
    {
        await using var home = await ClusterHome.StartAsync(withTls: true);
        var (keys, pki) = (home.Keys, home.Tls);
        var ports = new[] { SiloPorts.Free(), SiloPorts.Free() };
        string[] shared = [.. ClusterSiloFlags.For(home), "--Tls:RequireClientCertificate=true", "--Tls:BindParticipant=true"];
        await using var one = SiloProcess.Start("silo 1", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[0].Flags()]);
        await using var two = SiloProcess.Start("silo 2", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[1].Flags()]);
        await Task.WhenAll(one.ReadyAsync(), two.ReadyAsync());

        using var owners = TlsCertificates.Load(pki.Certificate(Owner), pki.Key(Owner));
        using var authority = TlsCertificates.Load(pki.AuthorityCertificate, pki.Key(TlsDirectory.AuthorityName));
        using var secondOfOwner = DevelopmentPki.IssueGateway(authority, Owner, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var france = TlsCertificates.Load(pki.Certificate("FR"), pki.Key("FR"));

        // A: a plain Orleans client with PT's certificate, through silo 1 only.
        var a = await MeshClient.ConnectEmbeddedAsync(ports[0].Gateway, MeshTlsOptions.FromTrustStore(keys, Owner));
        GrainId client;
        try
        {
            var ownerGrain = a.Client.GetGrain<IParticipantGrain>(Owner);
            Assert.NotNull(await ownerGrain.ChallengeAsync());
            client = ClientIdOf(a.Client);

            // B: another certificate of the same participant, and another participant's, claim A's client id on silo 2.
            var before = await GatewayChecks.RefusedAsync(ports[1], GatewayRefusal.ClientIdBound);
            using (var sameParticipant = await RawGatewayConnection.OpenAsync(ports[1].Gateway, Answer, secondOfOwner, client))
                Assert.False(sameParticipant.Accepted, "a second certificate of PT took the client id a connection on silo 1 holds with PT's first");
            await GatewayChecks.LogsAsync(two, $"closed ({ErrorCodes.ClientIdBoundElsewhere}): its client id {client} is bound to certificate {owners.Thumbprint} of '{Owner}' on gateway connection ");
            await GatewayChecks.CountsAsync(ports[1], GatewayRefusal.ClientIdBound, before);
            using (var otherParticipant = await RawGatewayConnection.OpenAsync(ports[1].Gateway, Answer, france, client))
                Assert.False(otherParticipant.Accepted, "FR's certificate took the client id a connection of PT holds");
            await GatewayChecks.LogsAsync(two, $"closed ({ErrorCodes.ClientIdBoundElsewhere}): its client id {client} is bound to participant '{Owner}', not to this connection's certificate '{france.Subject}'");

            // A still works.
            Assert.NotNull(await ownerGrain.ChallengeAsync());
        }
        finally
        {
            await a.DisposeAsync();
        }

        // A left: its claim is released, so the client id is free for another certificate of PT through silo 2 (a
        // claim that merely expired would take a day), and then for A's own certificate through silo 2 again.
        await Deadline.UntilAsync(async () =>
        {
            using var probe = await RawGatewayConnection.OpenAsync(ports[1].Gateway, Answer, secondOfOwner, client);
            return probe.Accepted;
        }, TimeSpan.FromSeconds(30), $"the client id {client} released once its holder disconnected");
        await Deadline.UntilAsync(async () =>
        {
            using var again = await RawGatewayConnection.OpenAsync(ports[1].Gateway, Answer, owners, client);
            return again.Accepted;
        }, TimeSpan.FromSeconds(30), $"A's client id {client} with A's certificate accepted through silo 2");

        // A restarted gateway (a new client id) with PT's certificate serves at once through silo 2.
        await using var restarted = await MeshClient.ConnectEmbeddedAsync(ports[1].Gateway, MeshTlsOptions.FromTrustStore(keys, Owner));
        Assert.NotNull(await restarted.Client.GetGrain<IParticipantGrain>(Owner).ChallengeAsync());
    }

    /// <summary>
    /// The client id an Orleans client names in its preamble and as every message's sender: Orleans keeps it in its
    /// internal <c>LocalClientDetails</c> (an internal <c>ClientGrainId</c>) (docs/design/orleans.md §2.15), read here by reflection.
    /// </summary>
    private static GrainId ClientIdOf(IClusterClient client)
    {
        var detailsType = typeof(ClientMessagingOptions).Assembly.GetType("Orleans.LocalClientDetails", throwOnError: true)!;
        var details = client.ServiceProvider.GetService(detailsType) ?? throw new InvalidOperationException("the client has no LocalClientDetails");
        var clientId = detailsType.GetProperty("ClientId")!.GetValue(details)!; // Orleans' internal ClientGrainId
        return (GrainId)clientId.GetType().GetField("GrainId")!.GetValue(clientId)!;
    }
}
