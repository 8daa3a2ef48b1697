using System.Security.Cryptography;

namespace Article42.Mesh.Grains;

/// <summary>
/// Challenges and sessions of one participant. A nonce is accepted once and only while fresh; one consuming
/// session at a time (a new one supersedes the old), send-only sessions beside it; sessions lapse unless renewed.
/// Challenges are stateless (<see cref="ChallengeKey"/>): asking for them costs no memory, so no caller can flush
/// another's. Only nonces spent on a correctly signed proof are remembered, until they expire. Held in memory:
/// after a deactivation the gateway simply opens a new session, and challenges issued before it are refused.
/// </summary>
internal sealed class SessionBook(string participant, IRegistryHolder registries, TimeProvider time, DeliveryOptions options, ChallengeKey? key = null)
{
    private const int MaxSendOnlySessions = 16;
    private const int MaxSpentNonces = 4096;
    private readonly ChallengeKey _key = key ?? new ChallengeKey((string?)null);
    private readonly long _activatedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
    private readonly Dictionary<string, DateTimeOffset> _spent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    public Session? Consuming { get; private set; }

    /// <summary>Nonces remembered (spent on a signed proof, not yet expired): all the memory challenges cost.</summary>
    internal int RememberedNonces => _spent.Count;

    /// <summary>When a gateway last opened, renewed (the heartbeat) or used a session; null since this activation began.</summary>
    public DateTimeOffset? LastSeen { get; private set; }

    /// <summary>True while a gateway holds a live consuming session.</summary>
    public bool HasConsumer => Consuming is { } consuming && Find(consuming.Token, consuming: true) is not null;

    public SessionChallenge Challenge()
    {
        var now = time.GetUtcNow();
        return new SessionChallenge(participant, _key.Issue(participant, now), now + options.ChallengeLifetime);
    }

    public SessionOutcome Open(SessionProof proof)
    {
        if (proof.Participant != participant)
            return Refuse(ErrorCodes.WrongParticipant, "$.participant", $"this is the mailbox of '{participant}', not of '{ValidationContext.Truncate(proof.Participant ?? "")}'");
        var now = time.GetUtcNow();
        foreach (var expired in _spent.Where(s => s.Value <= now).Select(s => s.Key).ToList())
            _spent.Remove(expired);
        // Issued by the mesh for this participant, during this activation, still fresh, and not spent yet.
        if (_key.IssuedAt(participant, proof.Nonce) is not { } issued || issued.ToUnixTimeMilliseconds() < _activatedAt
            || issued + options.ChallengeLifetime <= now || _spent.ContainsKey(proof.Nonce!))
            return Refuse(ErrorCodes.ChallengeUnknown, "$.nonce", "the challenge is unknown, used or expired; ask for a new one");
        var registry = registries.Current;
        if (!SessionProofs.IsSignedBy(proof, registry))
            return FormerKeyRefusals.OfSession(proof, registry) is { } former
                ? new SessionOutcome(null, former)
                : Refuse(ErrorCodes.ProofInvalid, "$.signature", $"the challenge is not signed with the key of '{participant}'");
        // Only the participant's own key can spend a nonce, so only it can grow this; the cap bounds even that.
        if (_spent.Count >= MaxSpentNonces)
            return Refuse(ErrorCodes.ChallengeUnknown, "$.nonce", $"more than {MaxSpentNonces} sessions opened within {options.ChallengeLifetime.TotalSeconds:0} s; ask again shortly");
        _spent[proof.Nonce!] = issued + options.ChallengeLifetime;
        var keyId = registry.Find(participant)?.PublicKey is { } publicKey ? KeyId.Of(publicKey) : null;
        var session = new Session(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), proof.Consuming, time.GetUtcNow() + options.SessionLifetime, keyId);
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
        if (EndIfRevoked(token) is { } revoked)
            return new SessionOutcome(null, revoked);
        if (Find(token, consuming: false) is not { } session)
            return Refuse(ErrorCodes.SessionInvalid, "$.token", "no live session with this token; open a new one");
        LastSeen = time.GetUtcNow();
        session.ExpiresAt = LastSeen.Value + options.SessionLifetime;
        return new SessionOutcome(Grant(session), null);
    }

    /// <summary>The live session of <paramref name="token"/>, or the reason it cannot be used.</summary>
    public (Session? Session, MeshError? Error) Check(string token, bool consuming)
    {
        if (EndIfRevoked(token) is { } revoked)
            return (null, revoked);
        var session = Find(token, consuming: false);
        if (session is null)
            return (null, new MeshError(ErrorCodes.SessionInvalid, "$.token", "no live session with this token (expired, superseded or never opened); open a new one"));
        if (consuming && !session.Consuming)
            return (null, new MeshError(ErrorCodes.NotConsuming, "$.token", "a send-only session cannot fetch, acknowledge or subscribe"));
        LastSeen = time.GetUtcNow();
        return (session, null);
    }

    /// <summary>Ends the session of <paramref name="token"/> when the key it was opened with is revoked now, and says so.</summary>
    private MeshError? EndIfRevoked(string token)
    {
        if (token is null || !_sessions.TryGetValue(token, out var session) || !IsRevoked(session))
            return null;
        End(session);
        return new MeshError(ErrorCodes.KeyRevoked, "$.token", $"the session was opened with key {session.KeyId} of '{participant}', which the operator has revoked; open a new one with a current key");
    }

    private bool IsRevoked(Session session) =>
        registries.Current.Find(participant) is { } holder && FormerKeyRefusals.IsRevoked(holder, session.KeyId);

    private void End(Session session)
    {
        _sessions.Remove(session.Token);
        if (ReferenceEquals(session, Consuming))
            Consuming = null;
    }

    private Session? Find(string token, bool consuming)
    {
        if (token is null || !_sessions.TryGetValue(token, out var session))
            return null;
        if (IsRevoked(session))
        {
            End(session);
            return null;
        }
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

    private SessionGrant Grant(Session session) => new(session.Token, session.ExpiresAt, session.Consuming, options.SessionLifetime);

    private static SessionOutcome Refuse(string code, string path, string message) => new(null, new MeshError(code, path, message));
}
