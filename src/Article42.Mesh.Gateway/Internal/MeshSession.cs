using System.Security.Cryptography;

namespace Article42.Mesh.Gateway;

/// <summary>
/// One session of the gateway with its participant grain (consuming, or send-only): opened from a signed challenge on
/// first use, renewed at half its lifetime (the renewal is the gateway's heartbeat), re-opened when the mesh no longer
/// knows it. Sessions live in the grain activation, so after a failover the next call gets A42-SES-003 and the
/// session is opened again transparently.
/// </summary>
internal sealed class MeshSession(Func<IParticipantGrain> grain, Func<ECDsa> key, bool consuming, GrainCalls calls, TimeProvider time) : IDisposable
{
    private static readonly TimeSpan SkewedRenewal = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan MinimumRenewal = TimeSpan.FromMilliseconds(200);
    /// <summary>Challenges asked for one opening: a challenge lost to a replaced activation twice in a row is not bad luck.</summary>
    internal const int ChallengeAttempts = 3;
    private readonly SemaphoreSlim _opening = new(1, 1);
    private readonly Wakeup _opened = new();
    private Lease? _lease;
    private int _opens;
    private int _renewals;

    /// <summary>Called after every open with the new token (the consuming session subscribes its doorbell here).</summary>
    public Func<string, CancellationToken, Task>? OnOpened { get; init; }

    /// <summary>Called after every renewal with the token (the consuming session re-subscribes periodically here).</summary>
    public Func<string, CancellationToken, Task>? OnRenewed { get; init; }

    /// <summary>How many times a session was opened: 1 for a gateway that never lost its session.</summary>
    public int Opens => Volatile.Read(ref _opens);

    /// <summary>How many times the session was renewed.</summary>
    public int Renewals => Volatile.Read(ref _renewals);

    /// <summary>The live token, opening a session first when there is none.</summary>
    public async Task<string> TokenAsync(CancellationToken cancellation)
    {
        if (Volatile.Read(ref _lease) is { } lease)
            return lease.Grant.Token;
        await _opening.WaitAsync(cancellation).ConfigureAwait(false);
        try
        {
            if (Volatile.Read(ref _lease) is { } opened)
                return opened.Grant.Token;
            var fresh = await OpenAsync(cancellation).ConfigureAwait(false);
            Volatile.Write(ref _lease, new Lease(fresh, RenewalTime(fresh)));
            Interlocked.Increment(ref _opens);
            if (OnOpened is { } onOpened)
                await onOpened(fresh.Token, cancellation).ConfigureAwait(false);
            _opened.Set();
            return fresh.Token;
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>
    /// Asks a challenge and answers it. A challenge the mesh no longer knows (<see cref="ErrorCodes.ChallengeUnknown"/>:
    /// the grain's activation that issued it was replaced before the proof arrived, as in a failover) is asked again,
    /// at most <see cref="ChallengeAttempts"/> times in all; any other refusal ends the opening.
    /// </summary>
    private async Task<SessionGrant> OpenAsync(CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            var challenge = await calls.Bounded(grain().ChallengeAsync(), cancellation).ConfigureAwait(false);
            var outcome = await calls.Bounded(grain().OpenSessionAsync(SessionProofs.Create(challenge, key(), consuming)), cancellation).ConfigureAwait(false);
            if (outcome.Grant is { } fresh)
                return fresh;
            if (outcome.Error?.Code == ErrorCodes.ChallengeUnknown && attempt < ChallengeAttempts)
                continue;
            throw new MeshRefusedException($"the mesh refused a session to '{challenge.Participant}'",
                [outcome.Error ?? new MeshError(ErrorCodes.ProofInvalid, "$", "no session and no reason")]);
        }
    }

    /// <summary>Forgets <paramref name="token"/> if it is still the current one, so the next call opens a new session.</summary>
    public void Invalidate(string token)
    {
        var lease = Volatile.Read(ref _lease);
        if (lease is not null && lease.Grant.Token == token)
            Interlocked.CompareExchange(ref _lease, null, lease);
    }

    /// <summary>Forgets whatever session is current (after a reconnect, or a fetch whose answer was lost).</summary>
    public void InvalidateCurrent()
    {
        if (Volatile.Read(ref _lease) is { } lease)
            Invalidate(lease.Grant.Token);
    }

    /// <summary>Renews the session at half its lifetime for as long as the gateway runs; a lapsed one is re-opened on next use.</summary>
    public async Task RenewLoopAsync(TimeSpan retryDelay, CancellationToken cancellation)
    {
        while (!cancellation.IsCancellationRequested)
        {
            if (Volatile.Read(ref _lease) is not { } lease)
            {
                await _opened.WaitAsync(Timeout.InfiniteTimeSpan, time, cancellation).ConfigureAwait(false);
                continue;
            }
            if (lease.RenewAt > time.GetUtcNow())
            {
                // A re-open meanwhile restarts the countdown for the new grant.
                await _opened.WaitUntilAsync(lease.RenewAt, time, cancellation).ConfigureAwait(false);
                continue;
            }
            try
            {
                var outcome = await calls.Bounded(grain().RenewSessionAsync(lease.Grant.Token), cancellation).ConfigureAwait(false);
                if (outcome.Grant is not { } renewed)
                {
                    Invalidate(lease.Grant.Token);
                    continue;
                }
                Interlocked.CompareExchange(ref _lease, new Lease(renewed, RenewalTime(renewed)), lease);
                Interlocked.Increment(ref _renewals);
                if (OnRenewed is { } onRenewed)
                    await onRenewed(renewed.Token, cancellation).ConfigureAwait(false);
            }
            catch (Exception ex) when (Transient.Is(ex) && !cancellation.IsCancellationRequested)
            {
                Interlocked.CompareExchange(ref _lease, lease with { RenewAt = time.GetUtcNow() + retryDelay }, lease);
            }
        }
    }

    public void Dispose() => _opening.Dispose();

    // Half the grant's lifetime from now on this machine's clock: the renewal never depends on how far that clock is off
    // the silo's. From a silo that predates Lifetime: half the remaining lifetime as this clock sees it, a fixed cadence
    // when that is already past; a session that lapsed anyway is re-opened on the A42-SES-003 of its next use.
    private DateTimeOffset RenewalTime(SessionGrant grant)
    {
        var now = time.GetUtcNow();
        var remaining = grant.ExpiresAt - now;
        var wait = grant.Lifetime > TimeSpan.Zero ? grant.Lifetime / 2
            : remaining <= TimeSpan.Zero ? SkewedRenewal
            : remaining / 2;
        return now + (wait < MinimumRenewal ? MinimumRenewal : wait);
    }

    private sealed record Lease(SessionGrant Grant, DateTimeOffset RenewAt);
}
