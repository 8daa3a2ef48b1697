namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Issue 22, item 4: an activation's summary through the operator-signed admin grain, for the exercise report of a run
/// against a cluster. Served: the summary, withheld above the operator's clearance, none for an id never opened. Refused
/// with its code (not an activation id, a proof for another id, unsigned, replayed); neither a refused request nor an
/// id never opened activates an activation grain or writes its stream.
/// </summary>
public sealed class AdminActivationSummaryTests(AdminFixture mesh) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task The_summary_is_served_withheld_above_the_operators_clearance_and_none_for_an_activation_never_opened()
    {
        var open = new ActivationScript(mesh, "A42-2026-0411");
        await open.SendAsync("LT", MessageKind.Invocation, ["ALL-MS"]);
        var secret = new ActivationScript(mesh, "A42-2026-0412");
        await secret.SendAsync("LU", MessageKind.Invocation, ["ALL-MS"], change: e => e with { Label = e.Label with { Level = Classification.ConfidentielUe } });

        // The probe of NothingOfAsync sees an activation grain that lives.
        Assert.True(await ActivatedAsync(open.ActivationId));
        var served = await Summary(open.ActivationId);
        Assert.Equal((null, false), (served.Error, served.Withheld));
        Assert.Equal((open.ActivationId, ActivationState.Invoked, "LT"), (served.Summary!.ActivationId, served.Summary.State, served.Summary.Invoker));
        var withheld = await Summary(secret.ActivationId);
        Assert.Equal((null, true, null), (withheld.Summary, withheld.Withheld, withheld.Error));

        var never = await Summary("A42-2026-0499");
        Assert.Equal((null, false, null), (never.Summary, never.Withheld, never.Error));
        await NothingOfAsync("A42-2026-0499");
    }

    [Fact]
    public async Task A_bad_or_oversized_id_another_ids_proof_an_unsigned_or_replayed_request_is_refused_with_its_code_and_opens_nothing()
    {
        string[] junk = ["../A42-2026-0001", "", "a42-2026-0421", "A42-2026-04211", "A42-2026-0421\n", new string('A', 100_000)];
        foreach (var id in junk)
        {
            var bad = Refused(await Summary(id));
            Assert.Equal((ErrorCodes.ActivationRequestInvalid, "$.activation_id"), (bad.Code, bad.Path));
            await NothingOfAsync(id);
        }
        Assert.Equal(ErrorCodes.ActivationRequestInvalid, Refused(await mesh.Admin.ActivationSummaryAsync(mesh.Proof(OperatorProofs.ActivationSummary, ""), null!)).Code);

        var held = new ActivationScript(mesh, "A42-2026-0421");
        await held.SendAsync("PT", MessageKind.Invocation, ["ALL-MS"]);
        var stream = $"activation/{held.ActivationId}";
        var version = await mesh.Journal.GetVersionAsync(stream);
        using var impostor = ParticipantKeys.Generate();
        var other = Refused(await mesh.Admin.ActivationSummaryAsync(mesh.Proof(OperatorProofs.ActivationSummary, "A42-2026-0422"), held.ActivationId));
        Assert.Equal((ErrorCodes.OperatorProofInvalid, "$.argument"), (other.Code, other.Path));
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.ActivationSummaryAsync(mesh.Proof(OperatorProofs.ActivationSummary, held.ActivationId, key: impostor), held.ActivationId)).Code);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.ActivationSummaryAsync(mesh.Proof(OperatorProofs.Status, held.ActivationId), held.ActivationId)).Code);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.ActivationSummaryAsync(null!, held.ActivationId)).Code);
        // The held activation is live, so "opens nothing" is its stream as long as before; the other id is never opened.
        Assert.Equal(version, await mesh.Journal.GetVersionAsync(stream));
        await NothingOfAsync("A42-2026-0422");
        var proof = mesh.Proof(OperatorProofs.ActivationSummary, held.ActivationId);
        Assert.NotNull((await mesh.Admin.ActivationSummaryAsync(proof, held.ActivationId)).Summary);
        var replayed = Refused(await mesh.Admin.ActivationSummaryAsync(proof, held.ActivationId));
        Assert.Equal((ErrorCodes.OperatorProofStale, "$.nonce"), (replayed.Code, replayed.Path));
        Assert.Equal(version, await mesh.Journal.GetVersionAsync(stream));
    }

    private async Task<ActivationSummaryOutcome> Summary(string activationId) =>
        await mesh.Admin.ActivationSummaryAsync(mesh.Proof(OperatorProofs.ActivationSummary, activationId), activationId);

    /// <summary>No activation grain with the id lives in the silo and its stream holds nothing.</summary>
    private async Task NothingOfAsync(string activationId)
    {
        Assert.False(await ActivatedAsync(activationId), $"an activation grain {ValidationContext.Truncate(activationId)} was activated");
        Assert.Equal(0, await mesh.Journal.GetVersionAsync($"activation/{activationId}"));
    }

    private async Task<bool> ActivatedAsync(string activationId) =>
        (await mesh.SiloGrains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics())
            .Any(g => g.GrainType.Contains(nameof(ActivationGrain), StringComparison.Ordinal) && g.GrainId.Key.ToString() == activationId);

    private static MeshError Refused(ActivationSummaryOutcome outcome)
    {
        Assert.Equal((null, false), (outcome.Summary, outcome.Withheld));
        return Assert.IsType<MeshError>(outcome.Error);
    }
}
