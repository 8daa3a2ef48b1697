using System.Text.Json;

namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Operator requests cannot grow the audit without bound (known operation names only, arguments cut, refusals
/// rate-limited), and a used proof stays used when the admin grain is deactivated: its nonce is in the journal.
/// One body, run on each journal (<see cref="OperatorBoundsTests"/> on SQLite, <see cref="OperatorBoundsPostgresTests"/>).
/// </summary>
public abstract class OperatorBoundsCompliance(AdminFixture mesh)
{
    [Fact]
    public async Task A_flood_of_refused_requests_with_huge_operations_leaves_a_bounded_audit_and_the_operator_is_served()
    {
        var stranger = ParticipantKeys.Generate();
        var huge = new string('O', 256 * 1024);
        var before = await mesh.Journal.GetVersionAsync(AdminGrain.AuditStream);

        for (var i = 0; i < 40; i++)
        {
            var proof = mesh.Proof(OperatorProofs.Status, huge, key: stranger) with { Operation = huge };
            Assert.Equal(ErrorCodes.OperatorProofInvalid, (await mesh.Admin.StatusAsync(proof)).Error?.Code);
        }
        var served = await mesh.Admin.StatusAsync(mesh.Proof(OperatorProofs.Status));

        Assert.Null(served.Error);
        var entries = new List<StoredEntry>();
        await foreach (var entry in mesh.Journal.ReadStreamAsync(AdminGrain.AuditStream, before + 1))
            entries.Add(entry);
        Assert.InRange(entries.Count, 2, 22);
        Assert.All(entries, entry => Assert.True(entry.Payload.Length < 400, $"an audit entry of {entry.Payload.Length} bytes"));
        Assert.All(entries, entry => Assert.Equal("status", JsonDocument.Parse(entry.Payload).RootElement.GetProperty("operation").GetString()));
        Assert.True(JsonDocument.Parse(entries[^1].Payload).RootElement.GetProperty("served").GetBoolean());

        var sitrep = await mesh.Gateway("FR").SendAsync(TestKeys.Signed("FR", ["DE"]));
        Assert.Contains(await mesh.Gateway("DE").ReceiveAsync([sitrep.MessageId]), m => m.Envelope.MsgId == sitrep.MessageId);
    }

    [Fact]
    public async Task A_used_operator_proof_is_refused_as_a_replay_after_the_admin_grain_was_deactivated()
    {
        var proof = mesh.Proof(OperatorProofs.Status);
        Assert.Null((await mesh.Admin.StatusAsync(proof)).Error);

        var management = mesh.SiloGrains.GetGrain<IManagementGrain>(0);
        Assert.Equal(1, await AdminActivationsAsync(management));
        await management.ForceActivationCollection(TimeSpan.Zero);
        Assert.Equal(0, await AdminActivationsAsync(management));

        var replay = await mesh.Admin.StatusAsync(proof);

        Assert.Null(replay.Status);
        Assert.Equal((ErrorCodes.OperatorProofStale, "$.nonce"), (replay.Error?.Code, replay.Error?.Path));
        Assert.Null((await mesh.Admin.StatusAsync(mesh.Proof(OperatorProofs.Status))).Error);
    }

    private static async Task<int> AdminActivationsAsync(IManagementGrain management) =>
        (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains(nameof(AdminGrain), StringComparison.Ordinal)).Sum(s => s.ActivationCount);
}
