namespace Article42.Mesh.Grains.Tests;

/// <summary>The pure rules behind precedence rights and urgent shares, checked without a cluster against docs/design/domain.md §8.5.</summary>
public sealed class PrecedenceRuleTests
{
    private static readonly Envelope Sitrep = TestKeys.Signed("PT", ["ES"]);

    /// <summary>Only kind, precedence and sender matter to the rule, so one envelope serves for every kind.</summary>
    private static Envelope At(MessageKind kind, Precedence precedence) => Sitrep with { Kind = kind, PrecedenceAction = precedence };

    [Fact]
    public void Any_participant_may_send_exactly_INVOCATION_and_INCIDENT_REPORT_at_FLASH_and_REAL_WORLD_at_OVERRIDE()
    {
        var kinds = Enum.GetValues<MessageKind>().Where(MessageCatalogue.IsDefined).ToList();
        static bool Allowed(MessageKind kind, Precedence precedence) => PrecedenceRights.Judge(At(kind, precedence), PrecedenceRole.Participant) is null;

        Assert.Equal([MessageKind.Invocation, MessageKind.IncidentReport, MessageKind.RealWorld], kinds.Where(k => Allowed(k, Precedence.Flash)).Order());
        Assert.Equal([MessageKind.RealWorld], kinds.Where(k => Allowed(k, Precedence.Override)));
        Assert.All(kinds, kind => Assert.True(Allowed(kind, Precedence.Immediate), $"{kind} at IMMEDIATE"));
    }

    [Fact]
    public void The_invoker_and_an_authority_may_send_any_kind_at_OVERRIDE()
    {
        foreach (var role in new[] { PrecedenceRole.Invoker, PrecedenceRole.Authority })
        {
            Assert.Null(PrecedenceRights.Judge(At(MessageKind.Sitrep, Precedence.Override), role));
            Assert.Null(PrecedenceRights.Judge(At(MessageKind.Invocation, Precedence.Override), role));
        }
    }

    [Fact]
    public void The_refusal_names_kind_precedence_and_role()
    {
        var refusal = PrecedenceRights.Judge(At(MessageKind.Sitrep, Precedence.Flash), PrecedenceRole.Participant);

        Assert.Equal((ErrorCodes.PrecedenceNotGranted, "$.precedence_action"), (refusal?.Code, refusal?.Path));
        Assert.StartsWith("SITREP at FLASH needs a precedence right that 'PT' (role: participant)", refusal!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_authorities_are_read_from_a_comma_separated_setting()
    {
        var rights = PrecedenceRights.From(" EUCO, HRVP ,,");

        Assert.True(rights.IsAuthority("EUCO"));
        Assert.True(rights.IsAuthority("HRVP"));
        Assert.False(rights.IsAuthority("FR"));
        Assert.False(rights.IsAuthority(""));
    }

    [Fact]
    public void Urgent_traffic_fills_only_its_share_and_routine_traffic_only_the_cap()
    {
        var share = new UrgentShare(inboxCap: 10, urgentShare: 3);

        Assert.False(share.IsFull(Precedence.Flash, backlog: 100, urgentBacklog: 2));
        Assert.True(share.IsFull(Precedence.Override, backlog: 3, urgentBacklog: 3));
        Assert.False(share.IsFull(Precedence.Immediate, backlog: 9, urgentBacklog: 3));
        Assert.True(share.IsFull(Precedence.Routine, backlog: 10, urgentBacklog: 0));
        Assert.Equal(ErrorCodes.UrgentShareFull, share.Refusal("DE", Precedence.Flash).Code);
        Assert.Equal(ErrorCodes.InboxFull, share.Refusal("DE", Precedence.Routine).Code);
    }
}
