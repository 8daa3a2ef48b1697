using System.Security.Cryptography;

namespace Article42.Mesh.Grains;

/// <summary>
/// Challenges and sessions of one participant. A nonce is accepted once and only while fresh; one consuming
/// session at a time (a new one supersedes the old), send-only sessions beside it; sessions lapse unless renewed.
/// Held in memory: after a deactivation the gateway simply opens a new session.
/// </summary>
internal sealed class SessionBook(string participant, ParticipantRegistry registry, TimeProvider time, DeliveryOptions options)
{
    private const int MaxOpenChallenges = 64;
    private const int MaxSendOnlySessions = 16;
    private readonly Dictionary<string, DateTimeOffset> _challenges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    public Session? Consuming { get; private set; }

    /// <summary>When a gateway last opened, renewed (the heartbeat) or used a session; null since this activation began.</summary>
    public DateTimeOffset? LastSeen { get; private set; }

    /// <summary>True while a gateway holds a live consuming session.</summary>
    public bool HasConsumer => Consuming is { } consuming && Find(consuming.Token, consuming: true) is not null;

    public SessionChallenge Challenge()
    {
        var now = time.GetUtcNow();
        foreach (var stale in _challenges.Where(c => c.Value <= now || _challenges.Count > MaxOpenChallenges).Select(c => c.Key).ToList())
            _challenges.Remove(stale);
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var expires = now + options.ChallengeLifetime;
        _challenges[nonce] = expires;
        return new SessionChallenge(participant, nonce, expires);
    }

    public SessionOutcome Open(SessionProof proof)
    {
        if (proof.Participant != participant)
            return Refuse(ErrorCodes.WrongParticipant, "$.participant", $"this is the mailbox of '{participant}', not of '{ValidationContext.Truncate(proof.Participant ?? "")}'");
        // Single use: the nonce is gone whatever the outcome.
        if (!_challenges.Remove(proof.Nonce ?? "", out var expires) || expires <= time.GetUtcNow())
            return Refuse(ErrorCodes.ChallengeUnknown, "$.nonce", "the challenge is unknown, used or expired; ask for a new one");
        if (!SessionProofs.IsSignedBy(proof, registry))
            return Refuse(ErrorCodes.ProofInvalid, "$.signature", $"the challenge is not signed with the key of '{participant}'");
        var session = new Session(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), proof.Consuming, time.GetUtcNow() + options.SessionLifetime);
        if (session.Consuming)
        {
            if (Consuming is not null)
                _sessions.Remove(Consuming.Token);
            Consuming = session;
        }
        else
        {
            DropExpiredAndOldest();
        }
        _sessions[session.Token] = session;
        LastSeen = time.GetUtcNow();
        return new SessionOutcome(Grant(session), null);
    }

    public SessionOutcome Renew(string token)
    {
        if (Find(token, consuming: false) is not { } session)
            return Refuse(ErrorCodes.SessionInvalid, "$.token", "no live session with this token; open a new one");
        LastSeen = time.GetUtcNow();
        session.ExpiresAt = LastSeen.Value + options.SessionLifetime;
        return new SessionOutcome(Grant(session), null);
    }

    /// <summary>The live session of <paramref name="token"/>, or the reason it cannot be used.</summary>
    public (Session? Session, MeshError? Error) Check(string token, bool consuming)
    {
        var session = Find(token, consuming: false);
        if (session is null)
            return (null, new MeshError(ErrorCodes.SessionInvalid, "$.token", "no live session with this token (expired, superseded or never opened); open a new one"));
        if (consuming && !session.Consuming)
            return (null, new MeshError(ErrorCodes.NotConsuming, "$.token", "a send-only session cannot fetch, acknowledge or subscribe"));
        LastSeen = time.GetUtcNow();
        return (session, null);
    }

    private Session? Find(string token, bool consuming)
    {
        if (token is null || !_sessions.TryGetValue(token, out var session))
            return null;
        if (session.ExpiresAt > time.GetUtcNow())
            return !consuming || session.Consuming ? session : null;
        _sessions.Remove(token);
        if (ReferenceEquals(session, Consuming))
            Consuming = null;
        return null;
    }

    private void DropExpiredAndOldest()
    {
        var sendOnly = _sessions.Values.Where(s => !s.Consuming).OrderBy(s => s.ExpiresAt).ToList();
        var now = time.GetUtcNow();
        foreach (var session in sendOnly.Where((s, i) => s.ExpiresAt <= now || sendOnly.Count - i >= MaxSendOnlySessions))
            _sessions.Remove(session.Token);
    }

    private static SessionGrant Grant(Session session) => new(session.Token, session.ExpiresAt, session.Consuming);

    private static SessionOutcome Refuse(string code, string path, string message) => new(null, new MeshError(code, path, message));
}
