namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// What a hostile gateway used to get through with a trailing newline, a NUL or a bidi override: each refused at
/// submit with its code, nothing stored, and ordinary traffic flows on.
/// </summary>
public sealed class StrictTextSubmitTests(MeshClusterFixture mesh) : IClassFixture<MeshClusterFixture>
{
    public static TheoryData<string, string, string> Tricks => new()
    {
        { "activation id with a trailing newline", ErrorCodes.BadActivationId, "$.activation_id" },
        { "label policy with a trailing newline", ErrorCodes.BadLabel, "$.label.policy" },
        { "topic token with a trailing newline", ErrorCodes.BadToken, "$.topics[0]" },
        { "NUL in a text", ErrorCodes.ForbiddenCharacter, "$.payload.situation" },
        { "right-to-left override in a text", ErrorCodes.ForbiddenCharacter, "$.payload.situation" },
        { "isolate in another text", ErrorCodes.ForbiddenCharacter, "$.payload.hns_status" },
    };

    [Theory]
    [MemberData(nameof(Tricks))]
    public async Task A_trick_in_a_validated_string_is_refused_with_its_code_and_nothing_is_stored(string trick, string code, string path)
    {
        var envelope = TestKeys.Signed("PT", ["ES"], change: e => Apply(trick, e));
        var version = await mesh.Journal.GetVersionAsync("participant/PT");

        var outcome = await mesh.Gateway("PT").SubmitAsync(envelope);

        Assert.Null(outcome.Receipt);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((code, path), (error.Code, error.Path));
        Assert.Empty(await mesh.Journal.FindByMessageIdAsync(envelope.MsgId));
        Assert.Equal(version, await mesh.Journal.GetVersionAsync("participant/PT"));
        await mesh.AssertFranceReachesGermanyAsync();
    }

    private static Envelope Apply(string trick, Envelope e) => trick switch
    {
        "activation id with a trailing newline" => e with { ActivationId = "A42-2026-0001\n" },
        "label policy with a trailing newline" => e with { Label = e.Label with { Policy = "NAT:FR\n" } },
        "topic token with a trailing newline" => e with { Topics = ["X\n"] },
        "NUL in a text" => e with { Payload = ((SitrepBody)e.Payload!) with { Situation = "all quiet\0" } },
        "right-to-left override in a text" => e with { Payload = ((SitrepBody)e.Payload!) with { Situation = "casualties: \u202E0 :deeN" } },
        "isolate in another text" => e with { Payload = ((SitrepBody)e.Payload!) with { HnsStatus = "\u2066ready\u2069" } },
        _ => throw new ArgumentOutOfRangeException(nameof(trick), trick, "no such trick"),
    };
}
