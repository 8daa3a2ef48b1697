using Microsoft.Extensions.Logging;

namespace Article42.Mesh.Grains;

/// <summary>
/// One activation of Art. 42(7): judges each activation-scoped message its participants submit, records the legal
/// ones (and the refusals, for the report) in its own stream, and reserves committed capabilities on the offerer's
/// inventory. The stream holds one activation's traffic, so it is replayed whole on activation.
/// </summary>
public sealed class ActivationGrain(IRegistryHolder registries, IMessageJournal journal, MeshClock clock, ILogger<ActivationGrain> logger) : Grain, IActivationGrain
{
    private ActivationCase _case = null!;
    private JournalStream _stream = null!;
    private LoadOnce? _loaded;

    /// <summary>Nothing is read here: the stream is replayed on the first call (<see cref="LoadedAsync"/>), so an activation a refused call made costs no read.</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = this.GetPrimaryKeyString();
        _case = new ActivationCase(id, registries);
        _stream = new JournalStream($"activation/{id}", journal, onStale: DeactivateOnIdle);
        return Task.CompletedTask;
    }

    private Task LoadedAsync() => (_loaded ??= new LoadOnce(LoadAsync, DeactivateOnIdle)).EnsureAsync();

    private async Task LoadAsync()
    {
        var id = this.GetPrimaryKeyString();
        await _stream.LoadAsync();
        await foreach (var entry in _stream.ReadAfter(0))
        {
            if (entry.Type == ActivationEntryTypes.Recorded)
                Replay(id, entry);
            else if (entry.Type == ActivationEntryTypes.Breach)
                _case.RecordBreach(RecordJson.Breach(entry.Payload));
        }
    }

    /// <summary>One damaged row must not make the whole activation unusable: it is skipped with a warning.</summary>
    private void Replay(string id, StoredEntry entry)
    {
        if (EnvelopeCodec.Decode(entry.Payload) is { IsSuccess: true, Value: { } envelope })
            _case.Apply(envelope, entry.Timestamp);
        else
            logger.LogWarning("Activation {Activation}: recorded message {MessageId} (version {Version}) does not decode; skipped",
                ValidationContext.Truncate(id), ValidationContext.Truncate(entry.MessageId ?? ""), entry.Version);
    }

    public async ValueTask<MeshError?> JudgeAsync(Envelope envelope)
    {
        await LoadedAsync();
        if (_case.HasRecorded(envelope))
            return null;
        var refusal = _case.Judge(envelope) ?? await ReserveAsync(envelope);
        if (refusal is not null)
        {
            var record = new RefusalRecord(envelope.From, envelope.Kind, refusal.Code, refusal.Message);
            await _stream.AppendAsync(_ => ([new JournalEntry(ActivationEntryTypes.Refused, RecordJson.Encode(record))], []));
            return refusal;
        }
        var offer = _case.Offer(OfferIdOf(envelope));
        var wasDeployed = offer?.Deployed == true;
        await _stream.AppendAsync(_ => ([new JournalEntry(ActivationEntryTypes.Recorded, EnvelopeCodec.Encode(envelope), envelope.MsgId)], []));
        _case.Apply(envelope, clock.Time.GetUtcNow());
        if (wasDeployed && offer!.State is OfferState.Withdrawn or OfferState.Completed)
            await Offerer(offer).ReleaseAsync(this.GetPrimaryKeyString(), offer.OfferId);
        return null;
    }

    public async ValueTask RecordBreachAsync(SloBreach breach)
    {
        await LoadedAsync();
        await _stream.AppendAsync(_ => ([new JournalEntry(ActivationEntryTypes.Breach, RecordJson.Encode(breach), breach.MessageId)], []));
        _case.RecordBreach(breach);
    }

    public async ValueTask<ActivationSummary?> SummaryAsync()
    {
        await LoadedAsync();
        return _case.IsInvoked ? _case.Summary() : null;
    }

    /// <summary>A commitment binds the offerer's declared inventory, across all activations, before it is recorded.</summary>
    private async Task<MeshError?> ReserveAsync(Envelope envelope)
    {
        if (envelope.Payload is not CommitmentBody commitment || _case.Offer(commitment.OfferId) is not { } offer)
            return null;
        return await Offerer(offer).ReserveAsync(new Reservation(this.GetPrimaryKeyString(), offer.OfferId, offer.Category, offer.Accepted));
    }

    private IParticipantGrain Offerer(LedgerOffer offer) => GrainFactory.GetGrain<IParticipantGrain>(offer.Offerer);

    private static string? OfferIdOf(Envelope envelope) => envelope.Payload switch
    {
        OfferWithdrawBody withdraw => withdraw.OfferId,
        DeploymentStatusBody status => status.OfferId,
        _ => null,
    };
}
