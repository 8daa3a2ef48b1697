namespace Article42.Mesh.Grains;

/// <summary>
/// The Art. 42(7) case as a state machine, free of Orleans and storage: <see cref="Judge"/> says whether a message
/// is legal now (without changing anything), <see cref="Apply"/> records a legal one. Replaying the journaled
/// messages through <see cref="Apply"/> rebuilds the same state.
/// </summary>
internal sealed partial class ActivationCase(string activationId, IRegistryHolder registries)
{
    private readonly HashSet<string> _acknowledged = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Rfa, string Line), RequestedLine> _lines = [];
    private readonly HashSet<string> _rfas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LedgerOffer> _offers = new(StringComparer.Ordinal);
    private readonly List<SloBreach> _breaches = [];
    private readonly Dictionary<MessageKind, int> _inflation = [];
    private readonly Dictionary<string, (string From, byte[] Hash)> _recorded = new(StringComparer.Ordinal);
    private bool _everAccepted;

    public string? Invoker { get; private set; }
    public ActivationState State { get; private set; }
    public LegalBasis LegalBasis { get; private set; }
    public MessageMode Mode { get; private set; }
    public bool IpcrRequested { get; private set; }
    public DateTimeOffset InvokedAt { get; private set; }
    public Classification HighWaterMark { get; private set; }

    public bool IsInvoked => Invoker is not null;
    public bool IsTerminal => State is ActivationState.Closed or ActivationState.Withdrawn;

    /// <summary>
    /// True when this exact message (same id, same sender, same content) was already recorded: a resubmission is
    /// legal again, and changes nothing. An id recorded for another sender or content is not "already recorded".
    /// </summary>
    public bool HasRecorded(Envelope envelope) =>
        _recorded.TryGetValue(envelope.MsgId, out var recorded) && recorded.From == envelope.From && recorded.Hash.AsSpan().SequenceEqual(ContentHash(envelope));

    private static byte[] ContentHash(Envelope envelope) => System.Security.Cryptography.SHA256.HashData(EnvelopeCodec.CanonicalBytes(envelope));

    public LedgerOffer? Offer(string? offerId) => offerId is not null && _offers.TryGetValue(offerId, out var offer) ? offer : null;

    public void RecordBreach(SloBreach breach) => _breaches.Add(breach);

    public ActivationSummary Summary() => new(
        activationId, State, Invoker ?? "", LegalBasis, Mode, IpcrRequested, InvokedAt,
        [.. _acknowledged.Order()],
        [.. registries.Current.MemberStates.Where(ms => ms != Invoker && !_acknowledged.Contains(ms))],
        [.. _lines.Values.Select(line => line.Summary())],
        [.. _offers.Values.Select(offer => offer.Summary())],
        [.. _breaches],
        HighWaterMark,
        _inflation.ToImmutableDictionary());

    private string StateName => System.Text.Json.JsonNamingPolicy.SnakeCaseUpper.ConvertName(State.ToString());

    private string Name(MessageKind kind) => EnvelopeCodec.KindName(kind);
}
