using System.Text;

namespace Article42.Mesh.Protocol.Tests;

public sealed class RegistryTests
{
    private static readonly ParticipantRegistry Registry = ParticipantRegistry.Default;

    [Fact]
    public void Default_registry_has_the_27_member_states_by_EU_code_with_ISO_code_and_NATO_flag()
    {
        Assert.Equal(27, Registry.MemberStates.Length);
        var greece = Registry.Find("EL")!;
        Assert.Equal("GR", greece.IsoCode);
        Assert.False(Registry.Contains("GR"));
        Assert.All(["AT", "CY", "IE", "MT"], id => Assert.False(Registry.Find(id)!.Nato));
        Assert.Equal(23, Registry.Participants.Count(p => p.Nato));
    }

    [Fact]
    public void Default_registry_has_the_EU_bodies_and_EXCON_outside_every_group()
    {
        Assert.Contains("EEAS", Registry.EuBodies);
        Assert.Contains("ERCC", Registry.EuBodies);
        Assert.Equal(ParticipantKind.ExerciseControl, Registry.Find("EXCON")!.Kind);
        Assert.DoesNotContain("EXCON", Registry.Expand([ParticipantGroups.All], sender: "FR"));
    }

    [Fact]
    public void Group_ALL_from_FR_expands_to_the_other_26_member_states_and_every_EU_body_but_not_FR()
    {
        var recipients = Registry.Expand([ParticipantGroups.All], sender: "FR");
        Assert.DoesNotContain("FR", recipients);
        Assert.Equal(26, recipients.Count(Registry.MemberStates.Contains));
        Assert.Equal(Registry.EuBodies.Length, recipients.Count(Registry.EuBodies.Contains));
        Assert.Equal(26 + Registry.EuBodies.Length, recipients.Length);
    }

    [Fact]
    public void Expansion_removes_duplicates_and_keeps_unknown_names_for_the_caller_to_report()
    {
        var recipients = Registry.Expand(["DE", ParticipantGroups.AllMemberStates, "DE", "XX"], sender: "FR");
        Assert.Equal(1, recipients.Count(id => id == "DE"));
        Assert.Equal(26, recipients.Count(Registry.MemberStates.Contains));
        Assert.Contains("XX", recipients);
    }

    [Fact]
    public void EU_BODIES_group_from_an_EU_body_excludes_that_body_and_every_member_state()
    {
        var recipients = Registry.Expand([ParticipantGroups.EuBodies], sender: "EEAS");
        Assert.Equal(Registry.EuBodies.Length - 1, recipients.Length);
        Assert.DoesNotContain("EEAS", recipients);
        Assert.DoesNotContain("FR", recipients);
    }

    [Theory]
    [InlineData("""{"participants":[{"id":"FR","name":"France","kind":"member_state","nato":true,"accreditation_max":"SECRET_UE"},{"id":"FR","name":"Again","kind":"member_state","nato":true,"accreditation_max":"SECRET_UE"}]}""", "$.participants[1].id: 'FR' appears twice")]
    [InlineData("""{"participants":[{"id":"ALL","name":"x","kind":"eu_body","nato":false,"accreditation_max":"SECRET_UE"}]}""", "'ALL' is a group name")]
    [InlineData("""{"participants":[{"id":"fr","name":"x","kind":"member_state","nato":false,"accreditation_max":"SECRET_UE"}]}""", "'fr' is not a participant id")]
    [InlineData("""{"participants":[{"id":"FR","name":"x","kind":"member_state","nato":false,"accreditation_max":"SECRET_UE","public_key":"bm90IGEga2V5"}]}""", "$.participants[0].public_key")]
    [InlineData("""{"participants":[{"id":"FR","name":"x","kind":"member_state","nato":false,"accreditation_max":"SECRET_UE","colour":"blue"}]}""", "A42-JSON-002 $.participants[0].colour")]
    [InlineData("""{"participants":[{"id":"FR","name":"x","kind":"country","nato":false,"accreditation_max":"SECRET_UE"}]}""", "$.participants[0].kind: 'country' is not one of member_state")]
    public void A_faulty_registry_is_refused_with_a_sentence_naming_the_source_and_the_field(string json, string expected)
    {
        var ex = Assert.Throws<RegistryException>(() => ParticipantRegistry.Parse(Encoding.UTF8.GetBytes(json), "test.json"));
        Assert.StartsWith("test.json: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_document_round_trips_through_its_JSON_form()
    {
        var copy = ParticipantRegistry.Parse(Encoding.UTF8.GetBytes(TestData.Registry.ToJson()), "copy");
        Assert.Equal(TestData.Registry.Participants, copy.Participants);
    }
}
