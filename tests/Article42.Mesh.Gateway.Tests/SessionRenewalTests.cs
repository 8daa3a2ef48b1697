using Article42.Mesh.Grains;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// Session time is the test's: the mesh clock and CY's gateway clock are one <see cref="FakeTimeProvider"/>, so a 2 s
/// session lapses only when the test moves the clock past it, however slowly the machine runs. Issue 20, clock skew:
/// CY's wall clock may be set off the mesh's by a fixed offset (its timers and elapsed time stay the mesh clock's).
/// </summary>
public sealed class SessionRenewalTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(2);
    private const int Lifetimes = 5;

    [Theory]
    [InlineData(0)]
    [InlineData(-600)]
    [InlineData(240)]
    public async Task A_quiet_gateway_renews_its_session_before_it_lapses_and_never_has_to_open_another(int clockOffsetSeconds)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var mesh = await MeshCluster.StartAsync(
            settings: new Dictionary<string, string?> { ["Delivery:SessionLifetime"] = "00:00:02" },
            services: services => services.AddSingleton(new MeshClock(clock)));
        await using var el = mesh.Gateway("EL");
        // A call timeout on a clock the test moves would only measure how fast the test moves it.
        await using var cy = MeshGateway.Attach(mesh.Cluster.Client,
            MeshCluster.Options("CY") with { TimeProvider = new OffsetClock(clock, TimeSpan.FromSeconds(clockOffsetSeconds)), CallTimeout = TimeSpan.FromDays(1) });
        await using var inbox = new Reader<InboxMessage>(cy.ReceiveAsync);
        var first = Messages.Draft("EL", ["CY"]);
        await el.SendAsync(first);
        await inbox.NextMatchingAsync(m => m.Envelope.MsgId == first.MsgId, "the first SITREP");
        Assert.Equal(1, cy.ConsumingSessionOpens);

        // Renewal is due at half the lifetime: each half-lifetime step of the clock is one renewal, awaited before the
        // next step, so the session outlives five lifetimes only if every renewal reached the mesh in time.
        var renewals = cy.ConsumingSessionRenewals;
        for (var step = 1; step <= 2 * Lifetimes; step++)
        {
            clock.Advance(Lifetime / 2);
            var expected = renewals + step;
            await Deadline.UntilAsync(() => cy.ConsumingSessionRenewals >= expected, TimeSpan.FromSeconds(10),
                $"renewal {step} of CY's session, at {step * (Lifetime / 2).TotalSeconds:0.#} s of mesh time, its clock {clockOffsetSeconds} s off the mesh's");
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
