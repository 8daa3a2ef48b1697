using Article42.Mesh.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// Issue 20, clock skew: a gateway whose wall clock is off the mesh's keeps its consuming session alive. The mesh clock
/// is a <see cref="FakeTimeProvider"/> the test moves; the gateway reads the same clock shifted by a fixed offset (its
/// timers and elapsed time are the same: only the wall clock is off, as on a machine whose clock is set wrong).
/// </summary>
public sealed class ClockSkewTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);
    private const int Lifetimes = 3;

    [Theory]
    [InlineData(-600)]
    [InlineData(240)]
    public async Task A_gateway_whose_clock_is_off_the_mesh_renews_its_session_in_time_and_never_opens_another(int offsetSeconds)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var mesh = await MeshCluster.StartAsync(
            settings: new Dictionary<string, string?> { ["Delivery:SessionLifetime"] = "00:00:02" },
            services: services => services.AddSingleton(new MeshClock(clock)));
        await using var el = mesh.Gateway("EL");
        var skewed = new OffsetClock(clock, TimeSpan.FromSeconds(offsetSeconds));
        // A call timeout on a clock the test moves would only measure how fast the test moves it.
        await using var cy = MeshGateway.Attach(mesh.Cluster.Client,
            MeshCluster.Options("CY") with { TimeProvider = skewed, CallTimeout = TimeSpan.FromDays(1) });
        await using var inbox = new Reader<InboxMessage>(cy.ReceiveAsync);
        var first = Messages.Draft("EL", ["CY"]);
        await el.SendAsync(first);
        await inbox.NextMatchingAsync(m => m.Envelope.MsgId == first.MsgId, "the first SITREP");
        Assert.Equal(1, cy.ConsumingSessionOpens);

        // Each half-lifetime step of the mesh clock is one renewal, awaited before the next step: the session outlives
        // three lifetimes only if the gateway timed every renewal by the grant's lifetime, not by its own wall clock.
        var renewals = cy.ConsumingSessionRenewals;
        for (var step = 1; step <= 2 * Lifetimes; step++)
        {
            clock.Advance(Lifetime / 2);
            var expected = renewals + step;
            await Deadline.UntilAsync(() => cy.ConsumingSessionRenewals >= expected, TimeSpan.FromSeconds(10),
                $"renewal {step} of CY's session, its clock {offsetSeconds} s off the mesh's");
        }

        var second = Messages.Draft("EL", ["CY"]);
        await el.SendAsync(second);
        Assert.Equal(second.MsgId, (await inbox.NextAsync("the second SITREP")).Envelope.MsgId);
        Assert.Equal(1, cy.ConsumingSessionOpens);
    }

    /// <summary><paramref name="inner"/>'s timers and timestamps, with a wall clock <paramref name="offset"/> off it.</summary>
    private sealed class OffsetClock(TimeProvider inner, TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => inner.GetUtcNow() + offset;

        public override long GetTimestamp() => inner.GetTimestamp();

        public override long TimestampFrequency => inner.TimestampFrequency;

        public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
            inner.CreateTimer(callback, state, dueTime, period);
    }
}
