using System.Collections.Concurrent;
using Article42.Mesh.Storage.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Article42.Mesh.Grains.Tests;

public sealed class ClusterFailoverTests
{
    private static readonly string[] Senders = ["FR", "DE", "IT", "ES"];
    private static readonly string[] Recipients = ["PL", "LT", "LV", "EE", "FI"];

    [Fact]
    public async Task A_three_silo_cluster_on_PostgreSQL_loses_a_silo_mid_stream_and_every_accepted_message_arrives_exactly_once_with_its_DR()
    {
        await using var postgres = await PostgresServer.StartAsync();
        var connection = await postgres.CreateDatabaseAsync("mesh");
        var journals = new ConcurrentDictionary<string, IMessageJournal>();
        IMessageJournal JournalFor(string silo) =>
            journals.GetOrAdd(silo, _ => PostgresJournal.OpenAsync(new PostgresJournalOptions(connection)).GetAwaiter().GetResult());
        var mesh = await InProcessMesh.StartAsync(new InProcessMeshOptions
        {
            Silos = 3,
            Settings = new Dictionary<string, string?>
            {
                ["Delivery:SenderRatePerSecond"] = "1000000",
                ["Delivery:SenderBurst"] = "1000000",
                ["Delivery:CallTimeout"] = "00:00:03",
            },
            JournalFor = JournalFor,
            Client = c => c.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5)),
        });
        var cluster = mesh.Cluster;
        try
        {
            var messages = Enumerable.Range(0, 2000)
                .Select(i => TestKeys.Signed(Senders[i % Senders.Length], [Recipients[i % Recipients.Length]]))
                .ToList();
            var gateways = Senders.ToDictionary(s => s, s => new TestGateway(cluster.Client, s));
            var accepted = 0;
            var killed = false;
            var recipientsAtKill = new Dictionary<string, SiloAddress?>();
            foreach (var chunk in messages.Chunk(100))
            {
                await Task.WhenAll(chunk.Select(m => SubmitUntilAcceptedAsync(gateways[m.From], m)));
                accepted += chunk.Length;
                if (!killed && accepted >= 600)
                {
                    recipientsAtKill = await HostsAsync(cluster, Recipients);
                    await cluster.KillSiloAsync(await VictimAsync(cluster));
                    killed = true;
                }
            }

            foreach (var recipient in Recipients)
            {
                var expected = messages.Where(m => m.ToAction[0] == recipient).Select(m => m.MsgId).ToList();
                var gateway = new TestGateway(cluster.Client, recipient);
                var received = await gateway.ReceiveAsync(expected, within: TimeSpan.FromSeconds(120));
                received.AddRange(await gateway.FetchAsync());
                Assert.Equal(expected.Order(), received.Select(m => m.Envelope.MsgId).Order());
            }
            // The kill took recipients' mailboxes with it, whatever chose the victim: those now live on a survivor.
            var afterwards = await HostsAsync(cluster, Recipients);
            Assert.Contains(Recipients, r => !Equals(recipientsAtKill[r], afterwards[r]));
            foreach (var sender in Senders)
            {
                var sent = messages.Where(m => m.From == sender).Select(m => m.MsgId).ToHashSet();
                var reports = await new TestGateway(cluster.Client, sender).ReportsAsync(sent.Count, within: TimeSpan.FromSeconds(60));
                var delivered = reports.Where(r => r.Kind == ReportKind.Delivered).Select(r => r.MessageId).ToList();
                Assert.True(delivered.Count == delivered.Distinct().Count(), $"{sender} got a delivery report twice");
                Assert.Equal(sent.Order(), delivered.Order());
            }
        }
        finally
        {
            await mesh.DisposeAsync();
            foreach (var journal in journals.Values)
                await journal.DisposeAsync();
        }
    }

    /// <summary>
    /// The silo holding the most recipients' mailboxes (then senders'), so that the kill takes deliveries and sessions
    /// with it; asserts that it holds at least one recipient's.
    /// </summary>
    private static async Task<InProcessSiloHandle> VictimAsync(InProcessTestCluster cluster)
    {
        var management = cluster.Silos[0].ServiceProvider.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        using var asSilo = ClusterSecretScope.Enter(InProcessMesh.ClusterSecret); // placement asks the management grain, which is not for clients
        var hosts = new Dictionary<string, SiloAddress?>();
        foreach (var participant in Recipients.Concat(Senders))
            hosts[participant] = await management.GetActivationAddress(cluster.Client.GetGrain<IParticipantGrain>(participant));
        var victim = cluster.Silos
            .OrderByDescending(s => Recipients.Count(r => s.SiloAddress.Equals(hosts[r])))
            .ThenByDescending(s => Senders.Count(r => s.SiloAddress.Equals(hosts[r])))
            .First();
        var onVictim = hosts.Where(h => victim.SiloAddress.Equals(h.Value)).Select(h => h.Key).ToList();
        Assert.True(onVictim.Intersect(Recipients).Any(), $"no recipient's grain on any silo: {string.Join(", ", hosts.Select(h => $"{h.Key}@{h.Value}"))}");
        TestContext.Current.TestOutputHelper?.WriteLine($"killing {victim.SiloAddress}, host of {string.Join(", ", onVictim)}");
        return victim;
    }

    private static async Task<Dictionary<string, SiloAddress?>> HostsAsync(InProcessTestCluster cluster, IEnumerable<string> participants)
    {
        using var asSilo = ClusterSecretScope.Enter(InProcessMesh.ClusterSecret); // placement asks the management grain, which is not for clients
        var hosts = new Dictionary<string, SiloAddress?>();
        foreach (var participant in participants)
            hosts[participant] = await Placement.HostOfAsync(cluster.Client, cluster.Client.GetGrain<IParticipantGrain>(participant));
        return hosts;
    }

    /// <summary>What a gateway does: the same message id again until there is a receipt (a timeout means "unknown outcome").</summary>
    private static Task SubmitUntilAcceptedAsync(TestGateway gateway, Envelope envelope) =>
        Deadline.UntilAsync(async () =>
        {
            var token = await TokenOrNullAsync(gateway);
            try
            {
                var outcome = await gateway.Grain.SubmitAsync(token ?? "", envelope);
                Assert.True(outcome.Errors.All(e => e.Code == ErrorCodes.SessionInvalid), string.Join("; ", outcome.Errors));
                if (outcome.Receipt is not null)
                    return true;
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                // Unknown outcome: submit the same id again.
            }
            try
            {
                await gateway.ReopenAsync(token);
            }
            catch (Exception ex) when (IsTransient(ex))
            {
                // The next round opens again.
            }
            return false;
        }, TimeSpan.FromSeconds(90), $"a receipt for {envelope.MsgId}");

    private static async Task<string?> TokenOrNullAsync(TestGateway gateway)
    {
        try
        {
            return await gateway.TokenAsync();
        }
        catch (Exception ex) when (IsTransient(ex))
        {
            return null;
        }
    }

    private static bool IsTransient(Exception ex) => ex is TimeoutException or SiloUnavailableException or OrleansMessageRejectionException;
}
