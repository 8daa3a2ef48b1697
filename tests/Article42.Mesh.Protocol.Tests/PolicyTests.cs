namespace Article42.Mesh.Protocol.Tests;

public sealed class PolicyTests
{
    private static readonly ParticipantRegistry Registry = ParticipantRegistry.Default;

    [Theory]
    [InlineData(MessageKind.Invocation, Precedence.Flash, new[] { AckType.Dr, AckType.Rn })]
    [InlineData(MessageKind.Rfa, Precedence.Immediate, new[] { AckType.Dr, AckType.Rn, AckType.Wilco })]
    [InlineData(MessageKind.Offer, Precedence.Immediate, new[] { AckType.Dr, AckType.Rn })]
    [InlineData(MessageKind.Sitrep, Precedence.Priority, new[] { AckType.Dr })]
    [InlineData(MessageKind.Sitrep, Precedence.Flash, new[] { AckType.Dr, AckType.Rn })]
    [InlineData(MessageKind.Receipt, Precedence.Flash, new AckType[0])]
    [InlineData(MessageKind.Heartbeat, Precedence.Routine, new AckType[0])]
    [InlineData(MessageKind.RollCall, Precedence.Immediate, new[] { AckType.Dr, AckType.Rn })]
    public void Default_acknowledgements_follow_the_kind_and_flash_asks_for_a_receipt(MessageKind kind, Precedence precedence, AckType[] expected)
    {
        var envelope = TestData.Valid(kind) with { PrecedenceAction = precedence };
        Assert.Equal(expected, AckDefaults.Effective(envelope));
    }

    [Fact]
    public void An_explicit_ack_request_replaces_the_default() =>
        Assert.Equal([AckType.Wilco], AckDefaults.Effective(TestData.Valid(MessageKind.Invocation, "FR", "ALL-MS") with { AckRequest = [AckType.Wilco] }));

    [Fact]
    public void A_label_above_the_recipients_ceiling_is_not_delivered()
    {
        var label = new SecurityLabel { Level = Classification.ConfidentielUe };
        Assert.True(SecurityPolicy.MayDeliver(label, Registry.Find("DE")!, Registry));
        Assert.False(SecurityPolicy.MayDeliver(label, Registry.Find("ENISA")!, Registry));
    }

    [Fact]
    public void Releasable_to_limits_the_audience_directly_or_through_groups()
    {
        var toGermany = new SecurityLabel { ReleasableTo = ["DE"] };
        Assert.True(SecurityPolicy.MayDeliver(toGermany, Registry.Find("DE")!, Registry));
        Assert.False(SecurityPolicy.MayDeliver(toGermany, Registry.Find("IT")!, Registry));
        var toStates = new SecurityLabel { ReleasableTo = [ParticipantGroups.AllMemberStates] };
        Assert.True(SecurityPolicy.MayDeliver(toStates, Registry.Find("IT")!, Registry));
        Assert.False(SecurityPolicy.MayDeliver(toStates, Registry.Find("EEAS")!, Registry));
        Assert.True(SecurityPolicy.MayDeliver(SecurityLabel.Unclassified, Registry.Find("EEAS")!, Registry));
    }

    [Fact]
    public void A_sender_may_not_label_above_its_own_ceiling()
    {
        Assert.False(SecurityPolicy.WithinSenderCeiling(new SecurityLabel { Level = Classification.TresSecretUe }, Registry.Find("FR")!));
        Assert.True(SecurityPolicy.WithinSenderCeiling(new SecurityLabel { Level = Classification.SecretUe }, Registry.Find("FR")!));
    }

    [Fact]
    public void The_SLO_table_holds_the_receipt_and_delivery_targets_of_each_precedence()
    {
        Assert.Equal(TimeSpan.FromMinutes(10), PrecedenceSlo.For(Precedence.Flash).Receipt);
        Assert.Equal(TimeSpan.FromSeconds(2), PrecedenceSlo.For(Precedence.Flash).Delivery);
        Assert.Equal(TimeSpan.FromHours(6), PrecedenceSlo.For(Precedence.Routine).Receipt);
        Assert.Null(PrecedenceSlo.For(Precedence.Deferred).Receipt);
        Assert.Equal(Enum.GetValues<Precedence>().Length, PrecedenceSlo.Table.Length);
    }

    [Fact]
    public void Every_kind_has_a_catalogue_entry_and_only_the_mesh_reports_are_mesh_only()
    {
        Assert.All(Enum.GetValues<MessageKind>(), kind => Assert.True(MessageCatalogue.IsDefined(kind)));
        Assert.Equal(
            [MessageKind.DeliveryReport, MessageKind.NonDeliveryReport, MessageKind.EscalationReport],
            MessageCatalogue.All.Where(k => k.MeshOnly).Select(k => k.Kind));
    }
}
