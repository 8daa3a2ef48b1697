using Orleans.Serialization;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// Failures Orleans brings back while a paused silo holds a grain's directory entry (issue 20, the long form of seed
/// 2121, round 31: a recipient's gateway was handed nothing more and read no report after a silo's 90 s pause, 418 lost):
/// "Message expired before placement could complete" (an <see cref="OperationCanceledException"/> the caller did not
/// ask for) and a placement timeout the client cannot decode (<see cref="CodecNotFoundException"/> for Polly's
/// <c>TimeoutRejectedException</c>). They ended the gateway's inbox and report feed for good; they are retried now.
/// </summary>
public sealed class PlacementFailureTests(TransientMesh mesh) : IClassFixture<TransientMesh>
{
    private const int Failures = 2;

    public static TheoryData<string> Failing => ["placement expired", "undecodable failure"];

    [Theory]
    [MemberData(nameof(Failing))]
    public async Task A_fetch_failing_so_is_retried_and_the_message_is_handed(string failure)
    {
        var (from, to) = failure == "placement expired" ? ("LT", "LV") : ("MT", "NL");
        await using var sender = mesh.Gateway(from);
        await using var recipient = mesh.Gateway(to);
        var seenBefore = mesh.Client.Seen.Count;
        mesh.Client.Fail(nameof(IParticipantGrain.FetchAsync), Failures, () => Make(failure, to));
        await using var inbox = new Reader<InboxMessage>(recipient.ReceiveAsync);
        var message = Messages.Draft(from, [to]);

        await sender.SendAsync(message);

        await inbox.NextMatchingAsync(m => m.Envelope.MsgId == message.MsgId, "the SITREP after two failed fetches");
        Assert.Equal(Failures, mesh.Client.Seen.Skip(seenBefore).Count(s => s.Method == nameof(IParticipantGrain.FetchAsync) && s.Failure.GetType() == Make(failure, to).GetType()));
    }

    [Theory]
    [MemberData(nameof(Failing))]
    public async Task A_report_read_failing_so_is_retried_and_the_delivery_report_arrives(string failure)
    {
        var (from, to) = failure == "placement expired" ? ("PL", "PT") : ("RO", "SE");
        await using var sender = mesh.Gateway(from);
        var seenBefore = mesh.Client.Seen.Count;
        mesh.Client.Fail(nameof(IParticipantGrain.ReportsAsync), Failures, () => Make(failure, from));
        await using var events = new Reader<MeshEvent>(sender.EventsAsync);
        var message = Messages.Draft(from, [to]);

        await sender.SendAsync(message);

        await events.NextMatchingAsync(e => e is Delivered d && d.MessageId == message.MsgId, "the DR after two failed report reads");
        Assert.Equal(Failures, mesh.Client.Seen.Skip(seenBefore).Count(s => s.Method == nameof(IParticipantGrain.ReportsAsync) && s.Failure.GetType() == Make(failure, from).GetType()));
    }

    /// <summary>What Orleans threw on the gateway of the long form, word for word.</summary>
    private static Exception Make(string failure, string participant) => failure == "placement expired"
        ? new OperationCanceledException($"Message expired before placement could complete for grain participant/{participant}.")
        : new CodecNotFoundException("Could not find a codec for type Polly.Timeout.TimeoutRejectedException.");
}
