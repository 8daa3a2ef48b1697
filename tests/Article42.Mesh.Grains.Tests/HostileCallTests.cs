namespace Article42.Mesh.Grains.Tests;

/// <summary>Calls a hostile or clumsy client can make straight to the grain: each refused with its code, nothing stored, the silo serving on.</summary>
public sealed class HostileCallTests(MeshClusterFixture mesh) : IClassFixture<MeshClusterFixture>
{
    [Fact]
    public async Task Submit_with_an_unknown_session_token_is_refused_and_nothing_is_stored()
    {
        var message = TestKeys.Signed("FR", ["DE"]);
        var before = await RowsAsync(message);
        var outcome = await mesh.Grains.GetGrain<IParticipantGrain>("FR").SubmitAsync("not-a-session", message);
        Assert.Equal(ErrorCodes.SessionInvalid, Assert.Single(outcome.Errors).Code);
        await AssertNothingStoredAsync(message, before);
    }

    [Fact]
    public async Task Submit_with_a_forged_signature_is_refused_and_nothing_is_stored()
    {
        var forged = EnvelopeSignatures.Sign(TestKeys.Signed("FR", ["DE"]), TestKeys.KeyOf("DE"));
        var gateway = mesh.Gateway("FR");
        await gateway.OpenAsync();
        var before = await RowsAsync(forged);
        var outcome = await gateway.SubmitAsync(forged);
        Assert.Equal(ErrorCodes.SignatureInvalid, Assert.Single(outcome.Errors).Code);
        await AssertNothingStoredAsync(forged, before);
    }

    [Fact]
    public async Task Submit_of_another_participants_envelope_is_refused_and_nothing_is_stored()
    {
        var others = TestKeys.Signed("DE", ["IT"]);
        var gateway = mesh.Gateway("FR");
        await gateway.OpenAsync();
        var before = await RowsAsync(others, "FR");
        var outcome = await gateway.SubmitAsync(others);
        Assert.Equal(ErrorCodes.SenderMismatch, Assert.Single(outcome.Errors).Code);
        await AssertNothingStoredAsync(others, before, "FR");
    }

    [Fact]
    public async Task Submit_of_a_mesh_only_report_is_refused_and_nothing_is_stored()
    {
        var report = TestKeys.Signed("FR", ["DE"], MessageKind.DeliveryReport);
        var gateway = mesh.Gateway("FR");
        await gateway.OpenAsync();
        var before = await RowsAsync(report);
        var outcome = await gateway.SubmitAsync(report);
        Assert.Equal(ErrorCodes.MeshOnlyKind, Assert.Single(outcome.Errors).Code);
        await AssertNothingStoredAsync(report, before);
    }

    [Fact]
    public async Task Submit_of_an_invalid_envelope_returns_every_broken_rule_and_stores_nothing()
    {
        var invalid = TestKeys.Signed("FR", ["DE", "XX"], change: e => e with { ExpiresAt = e.CreatedAt.AddSeconds(-1) });
        var gateway = mesh.Gateway("FR");
        await gateway.OpenAsync();
        var before = await RowsAsync(invalid);
        var outcome = await gateway.SubmitAsync(invalid);
        Assert.Contains(outcome.Errors, e => e is { Code: ErrorCodes.UnknownParticipant, Path: "$.to_action[1]" });
        Assert.Contains(outcome.Errors, e => e is { Code: ErrorCodes.TimeOrder, Path: "$.expires_at" });
        await AssertNothingStoredAsync(invalid, before);
    }

    [Fact]
    public async Task A_label_above_the_senders_own_ceiling_is_refused()
    {
        var topSecret = TestKeys.Signed("FR", ["DE"], change: e => e with { Label = e.Label with { Level = Classification.TresSecretUe } });
        var gateway = mesh.Gateway("FR");
        await gateway.OpenAsync();
        var before = await RowsAsync(topSecret);
        var outcome = await gateway.SubmitAsync(topSecret);
        Assert.Equal(ErrorCodes.AboveSenderCeiling, Assert.Single(outcome.Errors).Code);
        await AssertNothingStoredAsync(topSecret, before);
    }

    [Fact]
    public async Task A_client_calling_a_silo_only_method_is_refused_even_with_a_guessed_secret()
    {
        var message = TestKeys.Signed("FR", ["DE"]);
        var grain = mesh.Grains.GetGrain<IParticipantGrain>("DE");
        var before = await RowsAsync(message);
        var plain = await Assert.ThrowsAsync<MeshCallRefusedException>(() => grain.DeliverAsync(new DeliveryBatch("FR", [message])).AsTask());
        Assert.Equal(DeliverRefused, (plain.Error.Code, plain.Error.Path));
        RequestContext.Set("a42.cluster-secret", "guess");
        try
        {
            var guessed = await Assert.ThrowsAsync<MeshCallRefusedException>(() => grain.DeliverAsync(new DeliveryBatch("FR", [message])).AsTask());
            Assert.Equal(DeliverRefused, (guessed.Error.Code, guessed.Error.Path));
        }
        finally
        {
            RequestContext.Clear();
        }
        await AssertNothingStoredAsync(message, before);
        Assert.NotNull(await grain.ChallengeAsync());
    }

    [Fact]
    public async Task A_replayed_challenge_is_refused()
    {
        var grain = mesh.Grains.GetGrain<IParticipantGrain>("BE");
        var proof = SessionProofs.Create(await grain.ChallengeAsync(), TestKeys.KeyOf("BE"), consuming: true);
        Assert.NotNull((await grain.OpenSessionAsync(proof)).Grant);
        var replay = await grain.OpenSessionAsync(proof);
        Assert.Equal(ErrorCodes.ChallengeUnknown, replay.Error!.Code);
        Assert.Null(replay.Grant);
    }

    [Fact]
    public async Task Without_the_participants_key_nobody_opens_its_session()
    {
        var grain = mesh.Grains.GetGrain<IParticipantGrain>("DE");
        var signedByOther = SessionProofs.Create(await grain.ChallengeAsync(), TestKeys.KeyOf("FR"), consuming: true);
        Assert.Equal(ErrorCodes.ProofInvalid, (await grain.OpenSessionAsync(signedByOther)).Error!.Code);

        var forOther = SessionProofs.Create(await mesh.Grains.GetGrain<IParticipantGrain>("FR").ChallengeAsync(), TestKeys.KeyOf("FR"), consuming: true);
        Assert.Equal(ErrorCodes.WrongParticipant, (await grain.OpenSessionAsync(forOther)).Error!.Code);
    }

    [Fact]
    public async Task A_send_only_session_cannot_read_the_inbox_and_a_superseded_session_is_dead()
    {
        var sendOnly = await mesh.Gateway("CZ").OpenAsync(consuming: false);
        var grain = mesh.Grains.GetGrain<IParticipantGrain>("CZ");
        Assert.Equal(ErrorCodes.NotConsuming, (await grain.FetchAsync(sendOnly, 10)).Error!.Code);

        var first = await mesh.Gateway("CZ").OpenAsync();
        await mesh.Gateway("CZ").OpenAsync();
        Assert.Equal(ErrorCodes.SessionInvalid, (await grain.FetchAsync(first, 10)).Error!.Code);
        Assert.NotNull((await grain.SubmitAsync(sendOnly, TestKeys.Signed("CZ", ["SK"]))).Receipt);
    }

    [Fact]
    public async Task Acknowledging_unknown_ids_or_too_many_at_once_is_refused_with_codes()
    {
        var gateway = mesh.Gateway("RO");
        var unknown = await gateway.AcknowledgeAsync([Ulid.New(DateTimeOffset.UtcNow), "not-an-id"]);
        Assert.Equal(0, unknown.Acknowledged);
        Assert.All(unknown.Errors, e => Assert.Equal(ErrorCodes.UnknownMessage, e.Code));
        Assert.Equal(2, unknown.Errors.Length);
        var tooMany = await gateway.AcknowledgeAsync(Enumerable.Range(0, 501).Select(_ => Ulid.New(DateTimeOffset.UtcNow)));
        Assert.Equal(ErrorCodes.BatchTooLarge, Assert.Single(tooMany.Errors).Code);
    }

    [Fact]
    public async Task A_grain_for_an_id_outside_the_registry_opens_no_session()
    {
        var grain = mesh.Grains.GetGrain<IParticipantGrain>("XX");
        var outcome = await grain.OpenSessionAsync(new SessionProof("XX", "nonce", true, "sig"));
        Assert.Equal(ErrorCodes.WrongParticipant, outcome.Error!.Code);
    }

    /// <summary>A silo-only method is outside the client surface: its code and the method it names.</summary>
    private static readonly (string, string) DeliverRefused = (ErrorCodes.OutsideClientSurface, "IParticipantGrain.DeliverAsync");

    /// <summary>
    /// Nothing under the message's id, and the journal rows of every stream and queue the message would have touched
    /// (the sender's and recipients' participant streams, the recipients' inboxes and the sender's outboxes) as before.
    /// </summary>
    private async Task AssertNothingStoredAsync(Envelope envelope, IReadOnlyList<(string Name, long Rows)> before, string? submitter = null)
    {
        Assert.Empty(await mesh.Journal.FindByMessageIdAsync(envelope.MsgId));
        Assert.Equal(before, await RowsAsync(envelope, submitter));
    }

    private async Task<IReadOnlyList<(string Name, long Rows)>> RowsAsync(Envelope envelope, string? submitter = null)
    {
        var senders = new[] { envelope.From, submitter ?? envelope.From }.Distinct().ToList();
        var recipients = envelope.ToAction.Concat(envelope.ToInfo).Distinct().ToList();
        var rows = new List<(string, long)>();
        foreach (var participant in senders.Concat(recipients).Distinct())
            rows.Add(($"participant/{participant}", await mesh.Journal.GetVersionAsync($"participant/{participant}")));
        foreach (var recipient in recipients)
        {
            rows.Add(($"in/{recipient}", await mesh.Journal.CountQueuedAsync($"in/{recipient}")));
            foreach (var sender in senders)
                rows.Add(($"out/{sender}/{recipient}", await mesh.Journal.CountQueuedAsync($"out/{sender}/{recipient}")));
        }
        return rows;
    }
}
