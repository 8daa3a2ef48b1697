using System.Diagnostics;
using System.Security.Cryptography;
using Article42.Mesh.Grains;
using Article42.Mesh.Storage.Postgres;

namespace Article42.Mesh.IntegrationTests.Registry;

/// <summary>
/// Issue #21 on three cluster-profile silo processes (throwaway PostgreSQL journal, Redis membership): an
/// operator-signed registry update in the journal reaches every silo without a restart, and a revocation is enforced
/// within 5 s by whichever silo holds the participant's grain: its open session ends, and neither a submission nor
/// a session opening under the revoked key is accepted (A42-SEC-005).
/// </summary>
public sealed class KeyRevocationClusterTests
{
    private static readonly TimeSpan RevocationWithin = TimeSpan.FromSeconds(5);
    // A silo places a grain on, or migrates it to, only the silos it knows active with the grain's type: right after
    // the three start, a silo's view can lack the third until its membership and cluster manifest catch up (CI saw no
    // member state placed on one silo, and no migration to it, for 40 s). The setup waits for that; the bound the test
    // asserts is RevocationWithin.
    private static readonly TimeSpan Placing = TimeSpan.FromSeconds(75);
    private const string SitrepTo = "LT";

    [Fact]
    public async Task A_revoked_key_is_refused_within_5_seconds_by_each_of_three_silos_holding_the_participant()
    {
        using var asSilo = ClusterSecretScope.Enter(ClusterSiloFlags.ClusterSecret); // placement is not a client call
        using var home = new TempHome();
        await using var redis = await RedisServer.StartAsync();
        await using var postgres = await PostgresServer.StartAsync();
        var database = await postgres.CreateDatabaseAsync("mesh");
        var keys = Path.Combine(home.Path, "keys");
        var store = TrustStore.Create(keys, ParticipantRegistry.Default);
        var ports = new[] { SiloPorts.Free(), SiloPorts.Free(), SiloPorts.Free() };
        string[] shared = [.. ClusterSiloFlags.For(redis, database, keys)];
        await using var a = SiloProcess.Start("silo A", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[0].Flags()]);
        await using var b = SiloProcess.Start("silo B", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[1].Flags()]);
        await using var c = SiloProcess.Start("silo C", "Article42.Mesh.Silo.dll", home.Path, [.. shared, .. ports[2].Flags()]);
        await Task.WhenAll(a.ReadyAsync(), b.ReadyAsync(), c.ReadyAsync());
        await using var mesh = await MeshClient.ConnectAsync(redis.ConnectionString);
        await Deadline.UntilAsync(async () => (await mesh.Management.GetHosts(onlyActive: true)).Count == 3, Placing, "three active silos");
        await using var journal = await PostgresJournal.OpenAsync(new PostgresJournalOptions(database), cancellationToken: TestContext.Current.CancellationToken);
        using var operatorKey = store.LoadPrivateKey(TrustStore.OperatorKeyName);

        var registry = store.Registry;
        var silos = new List<SiloAddress>();
        foreach (var port in ports)
            silos.Add(await Placement.SiloAtPortAsync(mesh.Client, port.Silo));
        var participants = await OnePerSiloAsync(mesh.Client, registry, silos);
        for (var i = 0; i < participants.Count; i++)
        {
            var id = participants[i];
            var grain = mesh.Client.GetGrain<IParticipantGrain>(id);
            var silo = silos[i];
            await Placement.MoveAsync(mesh.Client, grain, async () => await grain.ChallengeAsync(), silo, Placing);
            using var key = store.LoadPrivateKey(id);
            var consuming = await OpenAsync(grain, key, consuming: true);
            var sendOnly = await OpenAsync(grain, key, consuming: false);
            Assert.Null((await grain.RenewSessionAsync(consuming.Grant!.Token)).Error);

            registry = RegistryUpdates.Revoke(registry, id, keyId: null, DateTimeOffset.UtcNow);
            Assert.True(await RegistryJournal.TryAppendAsync(journal, RegistryDocuments.Encode(RegistryDocuments.Sign(registry.ToDocument(), operatorKey)), TestContext.Current.CancellationToken));
            var revoked = Stopwatch.StartNew();

            // The open consuming session ends (its renew is refused, naming the revoked key) ...
            MeshError? ended = null;
            await Deadline.UntilAsync(async () =>
            {
                ended = (await grain.RenewSessionAsync(consuming.Grant!.Token)).Error;
                return ended is not null;
            }, RevocationWithin, $"{id}'s session ended on {silo} after the revocation");
            var firstRefusal = revoked.Elapsed;
            Assert.Equal(ErrorCodes.KeyRevoked, ended!.Code);
            // ... a submission signed with the revoked key is refused ...
            var refusal = (await grain.SubmitAsync(sendOnly.Grant!.Token, Sitrep(id, key))).Errors.FirstOrDefault();
            Assert.Equal(ErrorCodes.KeyRevoked, refusal?.Code);
            // ... and so is a session opening.
            Assert.Equal(ErrorCodes.KeyRevoked, (await OpenAsync(grain, key, consuming: false)).Error?.Code);
            Assert.Equal(silo, await Placement.HostOfAsync(mesh.Client, grain));
            TestContext.Current.TestOutputHelper?.WriteLine($"{id} on {silo}: session ended {firstRefusal.TotalMilliseconds:0} ms after the revocation was journalled");
        }

        // Each later version kept the earlier revocations.
        foreach (var participant in participants)
        {
            var grain = mesh.Client.GetGrain<IParticipantGrain>(participant);
            using var key = store.LoadPrivateKey(participant);
            Assert.Equal(ErrorCodes.KeyRevoked, (await OpenAsync(grain, key, consuming: false)).Error?.Code);
        }
    }

    /// <summary>
    /// A member state per silo, in the order of <paramref name="silos"/>, preferably one whose grain the cluster already
    /// placed there: every member state's grain is activated and the first found on each silo taken, so the test needs
    /// no migration where placement already spread them (a migration under load once outlasted <see cref="Placing"/>).
    /// A silo that got none takes a member state not yet chosen, which <see cref="Placement.MoveAsync"/> moves there.
    /// </summary>
    private static async Task<List<string>> OnePerSiloAsync(IClusterClient client, ParticipantRegistry registry, IReadOnlyList<SiloAddress> silos)
    {
        var placed = new Dictionary<SiloAddress, string>();
        // LT is the addressee of the test's SITREP, so never its sender.
        var states = registry.Participants.Where(p => p.Kind == ParticipantKind.MemberState && p.Id != SitrepTo).Select(p => p.Id).ToList();
        foreach (var id in states)
        {
            var grain = client.GetGrain<IParticipantGrain>(id);
            await grain.ChallengeAsync();
            if (await Placement.HostOfAsync(client, grain) is { } host)
                placed.TryAdd(host, id);
        }
        var chosen = silos.Select(silo => placed.GetValueOrDefault(silo)).ToList();
        var spare = new Queue<string>(states.Except(chosen.OfType<string>()));
        return [.. chosen.Select(id => id ?? spare.Dequeue())];
    }

    private static async Task<SessionOutcome> OpenAsync(IParticipantGrain grain, ECDsa key, bool consuming) =>
        await grain.OpenSessionAsync(SessionProofs.Create(await grain.ChallengeAsync(), key, consuming));

    private static Envelope Sitrep(string from, ECDsa key) =>
        EnvelopeSignatures.Sign(EnvelopeSkeleton.Build(new SkeletonRequest(MessageKind.Sitrep, from, [SitrepTo], []), DateTimeOffset.UtcNow), key);
}
