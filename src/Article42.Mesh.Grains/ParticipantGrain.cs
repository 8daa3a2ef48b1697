using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// A participant's mailbox (docs/design/architecture.md §4, "The delivery protocol"): checks and accepts what its gateway submits,
/// delivers it to each recipient's grain, holds what others delivered to it for its gateway. The journal is the
/// state; the activation keeps only the stream version, sessions and the running delivery pumps.
/// </summary>
public sealed class ParticipantGrain(
    IRegistryHolder registries,
    IMessageJournal journal,
    IOptions<DeliveryOptions> deliveryOptions,
    IOptions<SecurityOptions> securityOptions,
    IMessageLegality legality,
    MeshClock clock,
    ChallengeKey challengeKey,
    ILogger<ParticipantGrain> logger) : Grain, IParticipantGrain, IIncomingGrainCallFilter
{
    private readonly DeliveryOptions _options = deliveryOptions.Value;
    private readonly TimeProvider _time = clock.Time;
    private readonly CancellationTokenSource _stopping = new();
    private string _id = "";
    private bool _known;
    private JournalStream _stream = null!;
    private SessionBook _sessions = null!;
    private SubmitChecks _checks = null!;
    private AcceptingKey _acceptingKey = null!;
    private Inbox _inbox = null!;
    private HeldBytes _held = null!;
    private Outbox _outbox = null!;
    private Submission _submission = null!;
    private Inventory _inventory = null!;
    private ReceiptWatch _receipts = null!;
    private PrecedenceRoles _roles = null!;
    private LoadOnce? _loaded;

    /// <summary>
    /// Builds the collaborators only: the journal is read on the first call that needs it (<see cref="LoadedAsync"/>),
    /// so an activation made by a refused or unknown caller costs no read (docs/operations/security.md, "The client surface").
    /// </summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _id = this.GetPrimaryKeyString();
        _known = registries.Current.Contains(_id);
        _stream = new JournalStream(JournalStream.OfParticipant(_id), journal, onStale: DeactivateOnIdle);
        _sessions = new SessionBook(_id, registries, _time, _options, challengeKey);
        _checks = new SubmitChecks(_id, registries, securityOptions.Value, _time);
        _acceptingKey = new AcceptingKey(_id);
        // One cap for the bodies the outbox lanes and the inbox hold in memory (issue #18).
        _held = new HeldBytes(_options.HeldBytesCap);
        _inbox = new Inbox(_id, _stream, journal, registries, _time, logger, _held);
        _outbox = new Outbox(_id, _stream, journal, registries, DeliverToAsync, BacklogOfAsync, _options, _time, logger, UrgentBacklogOfAsync, _held);
        _receipts = new ReceiptWatch(_id, _stream, journal, _time, () => this.AsReference<IParticipantGrain>().EscalateDueAsync().AsTask(),
            new ExerciseClocks(exercise => GrainFactory.GetGrain<IExerciseGrain>(exercise).ClockAsync().AsTask()));
        _submission = new Submission(_id, _stream, journal, registries, _outbox, new SenderRateLimiter(_options.SenderRatePerSecond, _options.SenderBurst, _time), _receipts, _time, _options);
        _inventory = new Inventory(_id, journal);
        _roles = new PrecedenceRoles(PrecedenceRights.From(_options.PrecedenceAuthorities), GrainFactory);
        return Task.CompletedTask;
    }

    /// <summary>The participant's state, read from the journal once, on the first call that needs it.</summary>
    private Task LoadedAsync() => (_loaded ??= new LoadOnce(LoadAsync, DeactivateOnIdle)).EnsureAsync();

    private async Task LoadAsync()
    {
        if (!_known)
            return;
        await _stream.LoadAsync();
        await _inbox.LoadAsync();
        InboxGauges.Track(_id, _inbox, _held);
        await _receipts.LoadAsync();
        await _outbox.ResumeAsync(_stopping.Token);
    }

    /// <summary>An id outside the registry never keeps an activation: whatever it was asked, it goes once the call ends.</summary>
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        try
        {
            await context.Invoke();
        }
        finally
        {
            if (!_known)
                DeactivateOnIdle();
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        _receipts?.Stop();
        InboxGauges.Forget(_inbox);
        if (_loaded is null || _outbox is null)
            return;
        try
        {
            // Delivery records still riding are written now: written, they cost the next activation no redelivery.
            await _outbox.CheckpointAsync();
        }
        catch (Exception ex)
        {
            // Fenced off, or the journal failed: the records are lost, which costs a redelivery the recipient drops.
            logger.LogDebug(ex, "Delivery records of {Participant} not written at deactivation", _id);
        }
    }

    public ValueTask<SessionChallenge> ChallengeAsync() => ValueTask.FromResult(_sessions.Challenge());

    public async ValueTask<SessionOutcome> OpenSessionAsync(SessionProof proof)
    {
        if (!_known)
            return new SessionOutcome(null, UnknownParticipant());
        await LoadedAsync();
        var outcome = _sessions.Open(proof);
        if (outcome.Grant is { Consuming: true })
            await _inbox.StartingSessionAsync();
        return outcome;
    }

    public ValueTask<SessionOutcome> RenewSessionAsync(string token) => ValueTask.FromResult(_sessions.Renew(token));

    /// <summary>Submit, version 1: the envelope as a value, encoded once here and from then on treated as one received as bytes.</summary>
    public async ValueTask<SubmitOutcome> SubmitAsync(string token, Envelope envelope)
    {
        using var activity = envelope is null ? null : SubmitSpan(envelope);
        return Counted(activity, envelope, await CheckAndAcceptAsync(token, () => Encoded(envelope)));
    }

    /// <summary>
    /// Submit, version 2 (issue #18): the bytes are decoded strictly and checked canonical once, here, after the session;
    /// the signature is verified over them and they are stored as they came.
    /// </summary>
    public async ValueTask<SubmitOutcome> SubmitSignedAsync(string token, byte[] document)
    {
        Activity? activity = null;
        Envelope? envelope = null;
        try
        {
            var outcome = await CheckAndAcceptAsync(token, () =>
            {
                var read = SignedDocuments.Read(document);
                envelope = read.Value?.Envelope;
                activity = envelope is null ? null : SubmitSpan(envelope);
                return (read.Value, read.Errors);
            });
            return Counted(activity, envelope, outcome);
        }
        finally
        {
            activity?.Dispose();
        }
    }

    private Activity? SubmitSpan(Envelope envelope) => MeshTelemetry.Start("submit", "process", ActivityKind.Consumer, [envelope], _id);

    private static SubmitOutcome Counted(Activity? activity, Envelope? envelope, SubmitOutcome outcome)
    {
        if (outcome.Receipt is not null)
        {
            MeshTelemetry.Submitted.Add(1, MeshTelemetry.Tags(envelope!));
            return outcome;
        }
        var code = outcome.Errors.FirstOrDefault()?.Code ?? "unknown";
        MeshTelemetry.Fail(activity, code, outcome.Errors.FirstOrDefault()?.Message);
        MeshTelemetry.Refused.Add(1, new KeyValuePair<string, object?>("error.type", code));
        return outcome;
    }

    /// <summary>
    /// A value's document: encoded once. An envelope with no canonical form (a lone surrogate) is judged by the value
    /// checks, which name the text that holds it.
    /// </summary>
    private (SignedDocument? Document, ImmutableArray<MeshError> Errors) Encoded(Envelope? envelope)
    {
        if (envelope is null)
            return (null, [new MeshError(ErrorCodes.MissingValue, "$", "no envelope")]);
        if (SignedDocuments.Of(envelope) is { } document)
            return (document, []);
        var refusals = _checks.Check(envelope);
        return (null, refusals.IsEmpty ? [new MeshError(ErrorCodes.ForbiddenCharacter, "$", "a text holds a lone surrogate (half of a UTF-16 pair), which has no canonical form")] : refusals);
    }

    private async Task<SubmitOutcome> CheckAndAcceptAsync(string token, Func<(SignedDocument? Document, ImmutableArray<MeshError> Errors)> atEdge)
    {
        var (_, error) = _sessions.Check(token, consuming: false);
        if (error is not null)
            return SubmitOutcome.Refused(error);
        await LoadedAsync();
        var (document, unreadable) = atEdge();
        if (document is null)
            return new SubmitOutcome(null, unreadable);
        var envelope = document.Envelope;
        // One registry for the checks and the key the acceptance records: a rotation applied while this submit awaits
        // below must not record a key that never signed it.
        var registry = registries.Current;
        var refusals = _checks.Check(document, registry);
        if (!refusals.IsEmpty)
            return new SubmitOutcome(null, refusals);
        var keyId = _acceptingKey.Id(registry);
        // Before the claim: a precedence the sender may not use must not even cost it the message id.
        if (await _roles.CheckAsync(envelope) is { } ungranted)
            return SubmitOutcome.Refused(ungranted);
        SubmitOutcome outcome;
        if (envelope.ActivationId is null)
        {
            // Nothing records the message before it is accepted: the id is claimed in the acceptance's own write (issue #18).
            if (await legality.JudgeAsync(envelope) is { } refused)
                return SubmitOutcome.Refused(refused);
            outcome = await _submission.SubmitAsync(document, keyId, _stopping.Token);
        }
        else
        {
            // Claim before judge: the activation records a legal message, so the id must be this sender's first.
            if (await _submission.AdmitAsync(document) is { } settled)
                return settled;
            if (await legality.JudgeAsync(envelope) is { } illegal)
                return SubmitOutcome.Refused(illegal);
            outcome = await _submission.AcceptAsync(document, keyId, _stopping.Token);
        }
        if (outcome.Receipt is not null && envelope.Payload is InventoryDeclarationBody declaration)
            await _inventory.DeclareAsync(declaration);
        if (outcome.Receipt is not null)
            await ExerciseControlMessages.ApplyAsync(GrainFactory, registries.Current.Find(_id), envelope);
        return outcome;
    }

    public async ValueTask<FetchOutcome> FetchAsync(string token, int max)
    {
        var (session, error) = _sessions.Check(token, consuming: true);
        if (session is null)
            return new FetchOutcome([], error);
        await LoadedAsync();
        // A fetch that hands nothing checks the stream's fence inside the inbox (issue #18: a duplicate activation).
        var messages = await _inbox.FetchAsync(session, Math.Clamp(max, 1, _options.MaxFetch));
        return new FetchOutcome(messages, null);
    }

    public async ValueTask<AckOutcome> AcknowledgeAsync(string token, ImmutableArray<string> messageIds)
    {
        var (session, error) = _sessions.Check(token, consuming: true);
        if (session is null)
            return new AckOutcome(0, [error!]);
        if (messageIds.IsDefault || messageIds.Length > _options.MaxFetch)
            return new AckOutcome(0, [new MeshError(ErrorCodes.BatchTooLarge, "$.message_ids", $"acknowledge between 1 and {_options.MaxFetch} ids at a time")]);
        await LoadedAsync();
        return await _inbox.AcknowledgeAsync(session, messageIds);
    }

    public async ValueTask<ReportsOutcome> ReportsAsync(string token, long afterPosition, int max)
    {
        var (_, error) = _sessions.Check(token, consuming: false);
        if (error is not null)
            return new ReportsOutcome([], error);
        await LoadedAsync();
        return await ReportFeed.ReadAsync(_stream, afterPosition, Math.Clamp(max, 1, _options.MaxFetch));
    }

    public ValueTask<MeshError?> SubscribeAsync(string token, IInboxDoorbell doorbell)
    {
        var (session, error) = _sessions.Check(token, consuming: true);
        if (session is not null)
            session.Doorbell = doorbell;
        return ValueTask.FromResult(error);
    }

    public ValueTask<RegistryKeysOutcome> RegistryKeysAsync(string token)
    {
        var (_, error) = _sessions.Check(token, consuming: false);
        return ValueTask.FromResult(error is not null
            ? new RegistryKeysOutcome([], error)
            : new RegistryKeysOutcome(RegistryKeys.Of(registries.Current, ServiceProvider.GetRequiredService<IRevokedKeyIds>()), null));
    }

    public ValueTask<RegistryDocumentOutcome> RegistryDocumentAsync(string token)
    {
        var (_, error) = _sessions.Check(token, consuming: false);
        return ValueTask.FromResult(error is not null ? new RegistryDocumentOutcome(null, error) : SignedRegistryDocument.Of(registries.Current));
    }

    public async ValueTask<DeliveryOutcome> DeliverAsync(DeliveryBatch batch)
    {
        if (!_known)
            throw new InvalidOperationException($"'{_id}' is not a participant of the registry");
        if (batch.Envelopes.Length > _options.MaxBatch)
            throw new ArgumentException($"a delivery batch holds at most {_options.MaxBatch} messages", nameof(batch));
        await LoadedAsync();
        using var activity = MeshTelemetry.Start("deliver", "process", ActivityKind.Consumer, batch.Envelopes, _id);
        var stored = await _inbox.StoreAsync(batch);
        await _receipts.ReceivedAsync(batch.Envelopes);
        var now = _time.GetUtcNow();
        foreach (var envelope in stored)
        {
            MeshTelemetry.Delivered.Add(1, MeshTelemetry.Tags(envelope));
            MeshTelemetry.DeliveryLatency.Record((now - envelope.CreatedAt).TotalSeconds, new KeyValuePair<string, object?>("a42.precedence", EnvelopeCodec.WireName(envelope.PrecedenceAction)));
        }
        if (stored.Count > 0)
            _sessions.Consuming?.Doorbell?.Ring(_id);
        return new DeliveryOutcome(_time.GetUtcNow(), _inbox.Backlog, await _inbox.UrgentBacklogAsync());
    }

    public async ValueTask<long> BacklogAsync()
    {
        await LoadedAsync();
        return _inbox.Backlog;
    }

    public async ValueTask<long> UrgentBacklogAsync() => await _inbox.UrgentBacklogAsync();

    public async ValueTask<MeshError?> ReserveAsync(Reservation reservation) => await _inventory.ReserveAsync(reservation);

    public async ValueTask ReleaseAsync(string activationId, string offerId) => await _inventory.ReleaseAsync(activationId, offerId);

    public async ValueTask EscalateDueAsync()
    {
        await LoadedAsync();
        foreach (var breach in await _receipts.EscalateDueAsync())
        {
            if (await ActivationOfAsync(breach.MessageId) is { } activation)
                await GrainFactory.GetGrain<IActivationGrain>(activation).RecordBreachAsync(breach);
        }
    }

    public async ValueTask WakeAsync() => await LoadedAsync();

    public async ValueTask<ParticipantStatus> DescribeAsync()
    {
        await LoadedAsync();
        return new ParticipantStatus(_id, _sessions.HasConsumer, _sessions.LastSeen, _inbox.Backlog, _inbox.OldestAge);
    }

    /// <summary>Test and admin view: completes when every delivery pump has nothing left to do.</summary>
    internal Task DeliveriesIdleAsync() => _outbox.IdleAsync();

    internal DeliveryPump PumpTo(string recipient, Precedence lane) => _outbox.Pump(recipient, lane);

    /// <summary>Test view: the bytes and bodies of messages this activation holds in memory (issue #18).</summary>
    internal (long Bytes, long Bodies) HeldInMemory => (_held.Held, _held.Bodies);

    private Task<DeliveryOutcome> DeliverToAsync(string recipient, DeliveryBatch batch, CancellationToken cancellation) =>
        GrainFactory.GetGrain<IParticipantGrain>(recipient).DeliverAsync(batch).AsTask().WaitAsync(cancellation);

    private async Task<string?> ActivationOfAsync(string messageId)
    {
        var accepted = (await journal.FindByMessageIdAsync(messageId)).FirstOrDefault(e => e.StreamId == _stream.StreamId && e.Type == EntryTypes.Accepted);
        return accepted is null ? null : EnvelopeCodec.Decode(accepted.Payload).Value?.ActivationId;
    }

    private async Task<long> BacklogOfAsync(string recipient) => await GrainFactory.GetGrain<IParticipantGrain>(recipient).BacklogAsync();

    private async Task<long> UrgentBacklogOfAsync(string recipient) => await GrainFactory.GetGrain<IParticipantGrain>(recipient).UrgentBacklogAsync();

    private MeshError UnknownParticipant() =>
        new(ErrorCodes.WrongParticipant, "$.participant", $"'{ValidationContext.Truncate(_id)}' is not a participant of the registry");
}
