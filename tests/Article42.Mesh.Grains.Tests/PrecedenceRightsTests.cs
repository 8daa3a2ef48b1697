namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// Precedence rights by kind and role (docs/design/domain.md §8.5): a kind at its own FLASH or OVERRIDE from anyone,
/// anything else that urgent only from the invoking state of its open activation or a configured authority; and every
/// sender's urgent rate and every inbox's urgent share bounded, apart from ROUTINE traffic.
/// </summary>
public sealed class PrecedenceRightsTests(PrecedenceFixture mesh) : IClassFixture<PrecedenceFixture>
{
    [Fact]
    public async Task A_flash_sitrep_or_any_override_from_a_participant_without_the_right_is_refused_and_nothing_is_stored()
    {
        var invocation = TestKeys.Signed("SK", ["SI"], MessageKind.Invocation, e => e with { ActivationId = "A42-2026-0901" });
        await mesh.Gateway("SK").SendAsync(invocation);
        (string Sender, Envelope Envelope, string Kind, string At)[] unentitled =
        [
            ("PT", TestKeys.Signed("PT", ["ES"], MessageKind.Sitrep, e => e with { PrecedenceAction = Precedence.Flash }), "SITREP", "FLASH"),
            ("PT", TestKeys.Signed("PT", ["ES"], MessageKind.IncidentReport, e => e with { PrecedenceAction = Precedence.Override }), "INCIDENT_REPORT", "OVERRIDE"),
            // SI is in the activation, but it did not invoke it.
            ("SI", TestKeys.Signed("SI", ["SK"], MessageKind.Sitrep, e => e with { ActivationId = invocation.ActivationId, PrecedenceAction = Precedence.Flash }), "SITREP", "FLASH"),
        ];

        foreach (var (sender, envelope, kind, at) in unentitled)
        {
            var before = await JournalRows.OfAsync(mesh.Journal, envelope);
            var outcome = await mesh.Gateway(sender).SubmitAsync(envelope);

            Assert.Null(outcome.Receipt);
            var error = Assert.Single(outcome.Errors);
            Assert.Equal(ErrorCodes.PrecedenceNotGranted, error.Code);
            Assert.StartsWith($"{kind} at {at} needs a precedence right that '{sender}' (role: participant) does not hold", error.Message, StringComparison.Ordinal);
            Assert.Empty(await mesh.Journal.FindByMessageIdAsync(envelope.MsgId));
            Assert.Equal(before, await JournalRows.OfAsync(mesh.Journal, envelope));
            // Refused before the claim: the id is still free for anyone.
            Assert.IsType<ClaimResult.Claimed>(await mesh.Journal.ClaimMessageIdAsync(envelope.MsgId, "XX", [1]));
        }
        await mesh.AssertFranceReachesGermanyAsync();
    }

    [Fact]
    public async Task Urgent_kinds_pass_from_anyone_and_the_invoker_or_an_authority_may_raise_any_kind()
    {
        Assert.NotNull((await mesh.Gateway("BG").SubmitAsync(TestKeys.Signed("BG", ["RO"], MessageKind.IncidentReport))).Receipt);
        var fromAuthority = TestKeys.Signed("HRVP", ["RO"], MessageKind.Sitrep, e => e with { PrecedenceAction = Precedence.Override });
        Assert.Empty((await mesh.Gateway("HRVP").SubmitAsync(fromAuthority)).Errors);

        var czechia = mesh.Gateway("CZ");
        var invocation = TestKeys.Signed("CZ", ["DK"], MessageKind.Invocation, e => e with { ActivationId = "A42-2026-0902", PrecedenceAction = Precedence.Override });
        Assert.Empty((await czechia.SubmitAsync(invocation)).Errors);
        var fromInvoker = TestKeys.Signed("CZ", ["DK"], MessageKind.Sitrep, e => e with { ActivationId = invocation.ActivationId, PrecedenceAction = Precedence.Flash });
        Assert.Empty((await czechia.SubmitAsync(fromInvoker)).Errors);
    }

    [Fact]
    public async Task A_sender_at_its_urgent_rate_is_refused_with_its_code_while_its_routine_rate_is_apart_and_it_recovers()
    {
        var ireland = mesh.Gateway("IE");
        foreach (var to in new[] { "EE", "LT", "LV" })
            await ireland.SendAsync(TestKeys.Signed("IE", [to], MessageKind.IncidentReport));

        var over = TestKeys.Signed("IE", ["FI"], MessageKind.IncidentReport);
        var refused = await ireland.SubmitAsync(over);
        Assert.Equal(ErrorCodes.UrgentRateExceeded, Assert.Single(refused.Errors).Code);
        Assert.Empty(await mesh.Journal.FindByMessageIdAsync(over.MsgId));
        Assert.NotNull((await ireland.SubmitAsync(TestKeys.Signed("IE", ["FI"]))).Receipt);

        // One token after 2 s at 0.5 per second: exactly one more urgent submit.
        mesh.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.NotNull((await ireland.SubmitAsync(over)).Receipt);
        var again = await ireland.SubmitAsync(TestKeys.Signed("IE", ["FI"], MessageKind.IncidentReport));
        Assert.Equal(ErrorCodes.UrgentRateExceeded, Assert.Single(again.Errors).Code);
    }

    [Fact]
    public async Task A_recipient_whose_urgent_share_is_full_refuses_flash_from_others_while_routine_still_passes()
    {
        var satcen = mesh.Gateway("SATCEN");
        await satcen.ClearAsync();
        foreach (var sender in new[] { "AT", "MT", "HU" })
        {
            var gateway = mesh.Gateway(sender);
            await gateway.SendAsync(TestKeys.Signed(sender, ["SATCEN"], MessageKind.IncidentReport));
            await gateway.ReportsAsync(1);
        }

        // NL never sent to SATCEN: it must not add to a share the others filled.
        var netherlands = mesh.Gateway("NL");
        var flash = TestKeys.Signed("NL", ["SATCEN"], MessageKind.IncidentReport);
        var before = await JournalRows.OfAsync(mesh.Journal, flash);
        var refused = await netherlands.SubmitAsync(flash);
        Assert.Equal(ErrorCodes.UrgentShareFull, Assert.Single(refused.Errors).Code);
        Assert.Empty(await mesh.Journal.FindByMessageIdAsync(flash.MsgId));
        Assert.Equal(before, await JournalRows.OfAsync(mesh.Journal, flash));
        Assert.NotNull((await netherlands.SubmitAsync(TestKeys.Signed("NL", ["SATCEN"]))).Receipt);

        await satcen.ClearAsync();
        Assert.NotNull((await netherlands.SubmitAsync(flash)).Receipt);
        await mesh.AssertFranceReachesGermanyAsync();
    }
}
