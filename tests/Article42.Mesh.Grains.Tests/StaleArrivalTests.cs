namespace Article42.Mesh.Grains.Tests;

/// <summary>
/// A message that arrives already past its expiry, or older than the mesh tries to deliver, is refused at submit with
/// A42-SUB-012 and nothing recorded (issue #18: it used to be accepted, then dead-lettered on the pump's first pass).
/// </summary>
public sealed class StaleArrivalTests(MeshClusterFixture mesh) : IClassFixture<MeshClusterFixture>
{
    public static TheoryData<string, string> StaleMessages() => new()
    {
        { "expired a second ago", "$.expires_at" },
        { "created more than Delivery:GiveUpAfter (24 h) ago", "$.created_at" },
    };

    [Theory]
    [MemberData(nameof(StaleMessages))]
    public async Task A_message_that_arrives_stale_is_refused_with_its_code_and_nothing_recorded(string stale, string path)
    {
        var now = DateTimeOffset.UtcNow;
        var envelope = TestKeys.Signed("CY", ["MT"], change: e => stale.StartsWith("expired", StringComparison.Ordinal)
            ? e with { CreatedAt = Millis(now.AddMinutes(-10)), ExpiresAt = Millis(now.AddSeconds(-1)) }
            : e with { CreatedAt = Millis(now.AddHours(-25)) });

        var outcome = await mesh.Gateway("CY").SubmitAsync(envelope);

        Assert.Null(outcome.Receipt);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((ErrorCodes.ArrivedStale, path), (error.Code, error.Path));
        Assert.Empty(await mesh.Journal.FindByMessageIdAsync(envelope.MsgId));
        // No row of it: the class's other tests send CY's accepted messages to MT through the same outbox queue, so its
        // length says nothing about this message (a row of theirs not yet delivered failed a CI run).
        Assert.DoesNotContain(await mesh.Journal.FetchQueuedAsync(QueueIds.Outbox("CY", "MT"), int.MaxValue), row => row.MessageId == envelope.MsgId);
    }

    [Fact]
    public async Task A_stale_refusal_leaves_the_message_id_free_for_the_next_message()
    {
        var now = DateTimeOffset.UtcNow;
        var stale = TestKeys.Signed("CY", ["MT"], change: e => e with { CreatedAt = Millis(now.AddMinutes(-10)), ExpiresAt = Millis(now.AddSeconds(-1)) });
        Assert.Equal(ErrorCodes.ArrivedStale, Assert.Single((await mesh.Gateway("CY").SubmitAsync(stale)).Errors).Code);

        // Another sender's message under that id: a refused message never held it, so this is no conflict.
        var next = TestKeys.Signed("MT", ["CY"], change: e => e with { MsgId = stale.MsgId });
        var receipt = await mesh.Gateway("MT").SendAsync(next);

        Assert.Equal(stale.MsgId, receipt.MessageId);
        Assert.Equal(JournalStream.OfParticipant("MT"), Assert.Single(await mesh.Journal.FindByMessageIdAsync(stale.MsgId), e => e.Type == EntryTypes.Accepted).StreamId);
    }

    [Fact]
    public async Task A_stale_resubmission_of_an_accepted_message_gets_its_original_receipt()
    {
        var envelope = TestKeys.Signed("CY", ["MT"], change: e => e with { ExpiresAt = Millis(DateTimeOffset.UtcNow.AddSeconds(3)) });
        var first = await mesh.Gateway("CY").SendAsync(envelope);
        await Deadline.UntilAsync(() => DateTimeOffset.UtcNow > envelope.ExpiresAt, TimeSpan.FromSeconds(30), "the message to expire");

        var again = await mesh.Gateway("CY").SubmitAsync(envelope);

        Assert.Equal((first.MessageId, first.AcceptedAt), (again.Receipt?.MessageId, again.Receipt?.AcceptedAt));
    }

    [Fact]
    public async Task A_message_with_time_left_before_its_expiry_is_accepted()
    {
        var envelope = TestKeys.Signed("CY", ["MT"], change: e => e with { ExpiresAt = e.CreatedAt.AddMinutes(5) });

        var receipt = await mesh.Gateway("CY").SendAsync(envelope);

        Assert.Equal(envelope.MsgId, receipt.MessageId);
    }

    private static DateTimeOffset Millis(DateTimeOffset time) => UtcMillisecondsConverter.Normalize(time);
}
