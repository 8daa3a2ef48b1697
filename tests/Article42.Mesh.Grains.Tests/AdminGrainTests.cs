using System.Text.Json;

namespace Article42.Mesh.Grains.Tests;

public sealed class AdminGrainTests(AdminFixture mesh) : IClassFixture<AdminFixture>
{
    [Fact]
    public async Task A_request_signed_with_another_key_for_another_operation_stale_or_replayed_is_refused_with_its_code()
    {
        using var impostor = ParticipantKeys.Generate();
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.StatusAsync(mesh.Proof(OperatorProofs.Status, key: impostor))).Code);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.StatusAsync(mesh.Proof(OperatorProofs.Trace))).Code);
        // A message the mesh holds, so that a refusal that also served its trace would show.
        var held = (await new ActivationScript(mesh, "A42-2026-0403").SendAsync("PT", MessageKind.Invocation, ["ALL-MS"])).MsgId;
        Assert.NotNull((await mesh.Admin.TraceAsync(mesh.Proof(OperatorProofs.Trace, held))).Trace);
        var forged = mesh.Proof(OperatorProofs.Trace, "01M8D45G7APMF4CD7T5GJM061A") with { Argument = held };
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.TraceAsync(forged)).Code);
        Assert.Equal(ErrorCodes.OperatorProofInvalid, Refused(await mesh.Admin.TraceAsync(mesh.Proof(OperatorProofs.Trace, held, key: impostor))).Code);
        var old = Refused(await mesh.Admin.StatusAsync(mesh.Proof(OperatorProofs.Status, at: DateTimeOffset.UtcNow - OperatorProofs.Validity - TimeSpan.FromSeconds(5))));
        Assert.Equal((ErrorCodes.OperatorProofStale, "$.issued_at"), (old.Code, old.Path));

        var proof = mesh.Proof(OperatorProofs.Status);
        Assert.NotNull((await mesh.Admin.StatusAsync(proof)).Status);
        var replayed = Refused(await mesh.Admin.StatusAsync(proof));
        Assert.Equal((ErrorCodes.OperatorProofStale, "$.nonce"), (replayed.Code, replayed.Path));
    }

    [Fact]
    public async Task Every_request_served_or_refused_is_in_the_audit_stream_with_its_outcome()
    {
        var before = await mesh.Journal.GetVersionAsync(AdminGrain.AuditStream);
        using var impostor = ParticipantKeys.Generate();
        await mesh.Admin.StatusAsync(mesh.Proof(OperatorProofs.Status, key: impostor));
        await mesh.Admin.TraceAsync(mesh.Proof(OperatorProofs.Trace, "01M8D45G7APMF4CD7T5GJM0AUD"));
        await mesh.Admin.StatusAsync(mesh.Proof(OperatorProofs.Status));

        var entries = new List<JsonElement>();
        await foreach (var entry in mesh.Journal.ReadStreamAsync(AdminGrain.AuditStream, before + 1))
        {
            Assert.Equal(AdminGrain.AuditEntryType, entry.Type);
            entries.Add(JsonDocument.Parse(entry.Payload).RootElement);
        }
        Assert.Equal(3, entries.Count);
        Assert.Equal(("status", false, "A42-ADM-002"), Audit(entries[0]));
        Assert.Equal(("trace", false, "A42-ADM-004"), Audit(entries[1]));
        Assert.Equal("01M8D45G7APMF4CD7T5GJM0AUD", entries[1].GetProperty("argument").GetString());
        Assert.Equal(("status", true, null), Audit(entries[2]));
    }

    [Fact]
    public async Task Status_lists_every_participant_with_its_backlog_and_withholds_activations_above_the_operators_clearance()
    {
        var open = new ActivationScript(mesh, "A42-2026-0401");
        await open.SendAsync("LT", MessageKind.Invocation, ["ALL-MS"]);
        var secret = new ActivationScript(mesh, "A42-2026-0402");
        await secret.SendAsync("LU", MessageKind.Invocation, ["ALL-MS"], change: e => e with { Label = e.Label with { Level = Classification.ConfidentielUe } });

        var status = (await mesh.Admin.StatusAsync(mesh.Proof(OperatorProofs.Status))).Status!;
        Assert.Equal(TestKeys.Registry.Participants.Select(p => p.Id).Order(), status.Participants.Select(p => p.Participant).Order());
        Assert.Single(status.Silos);
        var visible = status.Activations.Single(a => a.ActivationId == open.ActivationId);
        Assert.Equal((false, ActivationState.Invoked, "LT"), (visible.Withheld, visible.State, visible.Invoker));
        var withheld = status.Activations.Single(a => a.ActivationId == secret.ActivationId);
        Assert.Equal((true, null, null, 0), (withheld.Withheld, withheld.Invoker, withheld.InvokedAt, withheld.Breaches));
        await Deadline.UntilAsync(async () =>
        {
            var now = (await mesh.Admin.StatusAsync(mesh.Proof(OperatorProofs.Status))).Status!;
            return now.Participants.Single(p => p.Participant == "EL").Backlog >= 2;
        }, TimeSpan.FromSeconds(20), "both invocations in EL's inbox");
    }

    /// <summary>A refused request's error; a refusal serves no status at all.</summary>
    private static MeshError Refused(StatusOutcome outcome)
    {
        Assert.Null(outcome.Status);
        return Assert.IsType<MeshError>(outcome.Error);
    }

    /// <summary>A refused trace's error; a refusal serves no trace at all.</summary>
    private static MeshError Refused(TraceOutcome outcome)
    {
        Assert.Null(outcome.Trace);
        return Assert.IsType<MeshError>(outcome.Error);
    }

    private static (string, bool, string?) Audit(JsonElement entry) =>
        (entry.GetProperty("operation").GetString()!, entry.GetProperty("served").GetBoolean(),
            entry.TryGetProperty("refused_code", out var code) ? code.GetString() : null);
}
