using Article42.Mesh.Grains;
using Orleans.Runtime.Messaging;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// Every transient failure class is retried with the SDK's backoff, for sends and acknowledgements alike (issue 19,
/// item 3): a fenced (stale) activation and a failure inside the silo cross the mesh's error boundary as the typed
/// transient error <c>A42-SRV-001</c>; a lost connection and a silo shutting down are raised by Orleans on the client.
/// Each case fails the call twice, then lets it through: the caller sees only the outcome.
/// </summary>
public sealed class TransientFailureTests(TransientMesh mesh) : IClassFixture<TransientMesh>
{
    private const int Failures = 2;

    public enum FailureClass
    {
        StaleActivation,
        FailureInsideTheSilo,
        ConnectionLost,
        SiloShuttingDown,
    }

    public static TheoryData<FailureClass> Classes => [.. Enum.GetValues<FailureClass>()];

    [Theory]
    [MemberData(nameof(Classes))]
    public async Task A_send_failing_with_a_transient_failure_is_retried_until_the_mesh_holds_it(FailureClass failure)
    {
        var (from, to) = Pair(failure, offset: 0);
        await using var sender = mesh.Gateway(from);
        var message = Messages.Draft(from, [to]);
        var seenBefore = mesh.Client.Seen.Count;
        // The SDK sends a message as its bytes (submit version 2, issue #18).
        Script(failure, nameof(IParticipantGrain.SubmitSignedAsync), from);

        var receipt = await sender.SendAsync(message);

        Assert.Equal(message.MsgId, receipt.MessageId);
        AssertSeen(failure, nameof(IParticipantGrain.SubmitSignedAsync), seenBefore);
    }

    [Theory]
    [MemberData(nameof(Classes))]
    public async Task An_acknowledgement_failing_with_a_transient_failure_is_retried_until_the_mesh_took_it(FailureClass failure)
    {
        var (from, to) = Pair(failure, offset: 4);
        await using var sender = mesh.Gateway(from);
        var message = Messages.Draft(from, [to]);
        await sender.SendAsync(message);
        await using (var recipient = mesh.Gateway(to))
        {
            await using var inbox = new Reader<InboxMessage>(recipient.ReceiveAsync);
            var handed = await inbox.NextMatchingAsync(m => m.Envelope.MsgId == message.MsgId, "the SITREP");
            var seenBefore = mesh.Client.Seen.Count;
            Script(failure, nameof(IParticipantGrain.AcknowledgeAsync), to);

            await recipient.AckAsync(handed);

            AssertSeen(failure, nameof(IParticipantGrain.AcknowledgeAsync), seenBefore);
        }

        // Acknowledged in the mesh: a new gateway (a new session, which gets every unacknowledged message) gets only what came next.
        await using var restarted = mesh.Gateway(to);
        await using var after = new Reader<InboxMessage>(restarted.ReceiveAsync);
        var next = Messages.Draft(from, [to]);
        await sender.SendAsync(next);
        Assert.Equal(next.MsgId, (await after.NextAsync("the next SITREP")).Envelope.MsgId);
    }

    // Each case its own participants: the fixture's mesh is shared by the class.
    private static (string From, string To) Pair(FailureClass failure, int offset)
    {
        string[] ids = ["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "LU", "HR", "HU", "IE", "IT"];
        var index = 2 * ((int)failure + offset);
        return (ids[index], ids[index + 1]);
    }

    private void Script(FailureClass failure, string method, string participant)
    {
        var left = Failures;
        switch (failure)
        {
            case FailureClass.StaleActivation:
                mesh.Silo.Fail = (m, key) => m == method && key == participant && Interlocked.Decrement(ref left) >= 0
                    ? new StaleActivationException($"participant/{participant}", 7, 8) : null;
                break;
            case FailureClass.FailureInsideTheSilo:
                mesh.Silo.Fail = (m, key) => m == method && key == participant && Interlocked.Decrement(ref left) >= 0
                    ? new InvalidOperationException("the journal's connection pool is exhausted (test)") : null;
                break;
            case FailureClass.ConnectionLost:
                mesh.Client.Fail(method, Failures, () => new ConnectionFailedException("the connection to the gateway was lost (test)"));
                break;
            case FailureClass.SiloShuttingDown:
                mesh.Client.Fail(method, Failures, () => new SiloUnavailableException("the target silo is shutting down (test)"));
                break;
        }
    }

    /// <summary>The caller got its outcome; on the way, the client saw the scripted failures, each as the class it crosses as.</summary>
    private void AssertSeen(FailureClass failure, string method, int seenBefore)
    {
        mesh.Silo.Fail = (_, _) => null;
        var seen = mesh.Client.Seen.Skip(seenBefore).Where(s => s.Method == method).Select(s => s.Failure).ToList();
        Assert.Equal(Failures, seen.Count);
        Assert.All(seen, received =>
        {
            switch (failure)
            {
                case FailureClass.StaleActivation or FailureClass.FailureInsideTheSilo:
                    Assert.Equal(ErrorCodes.MeshUnavailable, Assert.IsType<MeshUnavailableException>(received).Error.Code);
                    break;
                case FailureClass.ConnectionLost:
                    Assert.IsType<ConnectionFailedException>(received);
                    break;
                case FailureClass.SiloShuttingDown:
                    Assert.IsType<SiloUnavailableException>(received);
                    break;
            }
        });
    }
}
