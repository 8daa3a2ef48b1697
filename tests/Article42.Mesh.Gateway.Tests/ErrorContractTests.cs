namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// What crosses to a client when a call fails (issue 16, item 5): a refusal as its typed error, an infrastructure
/// failure as the typed transient error the SDK retries, never a server type, stack trace or path.
/// </summary>
public sealed class ErrorContractTests(ErrorContractMesh mesh) : IClassFixture<ErrorContractMesh>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_database_outage_under_the_report_feed_reaches_the_client_as_the_typed_transient_error_and_the_gateway_retries_and_recovers()
    {
        await using var fr = mesh.Gateway("FR");
        await using var reports = new Reader<MeshEvent>(fr.ReportsAsync);
        var before = Messages.Draft("FR", ["DE"]);
        await fr.SendAsync(before);
        await reports.NextMatchingAsync(e => e is Delivered d && d.MessageId == before.MsgId, "the DR of the message sent before the outage");

        var seenBefore = mesh.Failures.Seen.Count;
        mesh.Journal.Down = true;
        try
        {
            // Three failed polls of the feed: the client got the error, and the SDK kept asking after it.
            await Deadline.UntilAsync(() => ReportFailures(seenBefore).Count >= 3, Within, "three report polls failing while the journal is down");
        }
        finally
        {
            mesh.Journal.Down = false;
        }

        var during = mesh.Failures.Seen.Skip(seenBefore).Select(f => f.Failure).ToList();
        Assert.All(during, failure =>
        {
            var unavailable = Assert.IsType<MeshUnavailableException>(failure);
            Assert.Equal((ErrorCodes.MeshUnavailable, "IParticipantGrain.ReportsAsync"), (unavailable.Error.Code, unavailable.Error.Path));
            Assert.Matches("^[0-9a-f]{32}$", unavailable.CorrelationId);
            Assert.Contains(unavailable.CorrelationId, unavailable.Error.Message, StringComparison.Ordinal);
            AssertNothingOfTheServer(unavailable);
        });
        Assert.True(mesh.Journal.Failures >= during.Count, "the failures the client saw are the journal's");

        var after = Messages.Draft("FR", ["DE"]);
        await fr.SendAsync(after);
        await reports.NextMatchingAsync(e => e is Delivered d && d.MessageId == after.MsgId, "the DR of the message sent after the outage, on the same feed");
    }

    [Fact]
    public async Task A_refusal_crosses_as_its_typed_error_and_reaches_the_SDK_as_MeshRefusedException_with_its_code_once()
    {
        var refusal = new MeshError(ErrorCodes.CertificateSpeaksForAnother, "IT", "ChallengeAsync on 'IT': refused by the test's script");
        mesh.Script.Fail = (method, key) => method == nameof(IParticipantGrain.ChallengeAsync) && key == "IT" ? new MeshCallRefusedException(refusal) : null;
        var thrownBefore = mesh.Script.Thrown;
        try
        {
            await using var it = mesh.Gateway("IT");
            var refused = await Assert.ThrowsAsync<MeshRefusedException>(() => it.SendAsync(Messages.Draft("IT", ["DE"])));
            Assert.Equal([refusal], refused.Errors);
            Assert.Equal(1, mesh.Script.Thrown - thrownBefore);

            var received = await Assert.ThrowsAsync<MeshCallRefusedException>(() => mesh.Grains.GetGrain<IParticipantGrain>("IT").ChallengeAsync().AsTask());
            Assert.Equal(refusal, received.Error);
            AssertNothingOfTheServer(received);
        }
        finally
        {
            mesh.Script.Fail = (_, _) => null;
        }
    }

    [Fact]
    public async Task A_failure_in_a_filter_registered_before_the_mesh_s_own_still_crosses_only_as_the_typed_transient_error()
    {
        const string ServerPath = "/srv/a42/secret/appsettings.json";
        mesh.Script.Fail = (method, key) => method == nameof(IParticipantGrain.ChallengeAsync) && key == "PL" ? new InvalidOperationException($"could not read {ServerPath}") : null;
        try
        {
            var failure = await Assert.ThrowsAsync<MeshUnavailableException>(() => mesh.Grains.GetGrain<IParticipantGrain>("PL").ChallengeAsync().AsTask());
            Assert.Equal((ErrorCodes.MeshUnavailable, "IParticipantGrain.ChallengeAsync"), (failure.Error.Code, failure.Error.Path));
            Assert.DoesNotContain(ServerPath, failure.ToString(), StringComparison.Ordinal);
            AssertNothingOfTheServer(failure);
        }
        finally
        {
            mesh.Script.Fail = (_, _) => null;
        }
    }

    private List<Exception> ReportFailures(int seenBefore) =>
        [.. mesh.Failures.Seen.Skip(seenBefore).Where(f => f.Method == nameof(IParticipantGrain.ReportsAsync)).Select(f => f.Failure)];

    /// <summary>No server frame, file path, data or inner exception: only the typed error crossed.</summary>
    private static void AssertNothingOfTheServer(MeshCallException received)
    {
        Assert.Null(received.StackTrace);
        Assert.Null(received.InnerException);
        Assert.Empty(received.Data);
        Assert.Equal(received.Error.ToString(), received.Message);
        Assert.DoesNotContain(" at ", received.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(".cs", received.ToString(), StringComparison.Ordinal);
    }
}
