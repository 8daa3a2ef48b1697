using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// Serves <c>a42 trace</c>, <c>a42 status</c> and the registry reads and publishes of <c>a42 keys</c>: checks the operator's proof, reads the journal and the participant
/// grains, withholds what is labelled above <see cref="SecurityOptions.OperatorClearance"/>, and writes every request,
/// served or refused, to the audit stream before answering.
/// </summary>
public sealed partial class AdminGrain(
    IRegistryHolder registries,
    IMessageJournal journal,
    OperatorKey operatorKey,
    IRevokedKeyIds revokedKeys,
    IOptions<SecurityOptions> securityOptions,
    MeshClock clock,
    ILogger<AdminGrain> logger) : Grain, IAdminGrain
{
    public const string AuditStream = "admin/audit";
    public const string AuditEntryType = "operator-read";
    private const int MaxActivations = 1000;

    // Refused requests cost an audit append and a log line each: 20 at once, then one every 5 s; the rest are
    // refused the same, counted, and named in the next refusal that is audited.
    private const int RefusedBurst = 20;
    private const double RefusedPerSecond = 0.2;

    private readonly Classification _clearance = securityOptions.Value.OperatorClearance;
    private OperatorGate _gate = null!;
    private RegistryPublisher? _registry;
    private JournalStream _audit = null!;
    private SenderRateLimiter _refusals = null!;
    private long _unaudited;
    private LoadOnce? _auditLoaded;

    /// <summary>Builds the collaborators only: the audit stream is read on the first request (<see cref="AuditLoadedAsync"/>).</summary>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _gate = new OperatorGate(operatorKey, journal, clock.Time);
        _refusals = new SenderRateLimiter(RefusedPerSecond, RefusedBurst, clock.Time);
        _audit = new JournalStream(AuditStream, journal, onStale: DeactivateOnIdle);
        // Without operator.pub the gate refuses every request (A42-ADM-001) before the publisher is needed.
        _registry = operatorKey.PublicKey is { } key ? new RegistryPublisher(journal, registries, key) : null;
        return Task.CompletedTask;
    }

    private Task AuditLoadedAsync() => (_auditLoaded ??= new LoadOnce(_audit.LoadAsync, DeactivateOnIdle)).EnsureAsync();

    public async ValueTask<TraceOutcome> TraceAsync(OperatorProof proof)
    {
        if (await _gate.CheckAsync(proof, OperatorProofs.Trace) is { } refused)
            return new TraceOutcome(null, await AuditAsync(OperatorProofs.Trace, proof, refused, withheld: false));
        var trace = MessageTraces.Build(proof.Argument, await journal.FindByMessageIdAsync(proof.Argument), _clearance, revokedKeys);
        if (trace is null)
        {
            var unknown = new MeshError(ErrorCodes.MessageUnknown, "$.msg_id", $"the mesh never accepted a message '{ValidationContext.Truncate(proof.Argument)}'");
            return new TraceOutcome(null, await AuditAsync(OperatorProofs.Trace, proof, unknown, withheld: false));
        }
        await AuditAsync(OperatorProofs.Trace, proof, null, trace.Withheld);
        return new TraceOutcome(trace, null);
    }

    public async ValueTask<StatusOutcome> StatusAsync(OperatorProof proof)
    {
        if (await _gate.CheckAsync(proof, OperatorProofs.Status) is { } refused)
            return new StatusOutcome(null, await AuditAsync(OperatorProofs.Status, proof, refused, withheld: false));
        var silos = await GrainFactory.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
        var registryVersions = await RegistryVersionsAsync();
        var participants = await Task.WhenAll(registries.Current.Participants.Select(p => GrainFactory.GetGrain<IParticipantGrain>(p.Id).DescribeAsync().AsTask()));
        var activations = await Task.WhenAll((await journal.ListStreamsAsync("activation/", MaxActivations))
            .Select(stream => ActivationAsync(stream["activation/".Length..])));
        var open = activations.Where(a => a.State is not (ActivationState.Closed or ActivationState.Withdrawn)).ToList();
        await AuditAsync(OperatorProofs.Status, proof, null, open.Any(a => a.Withheld));
        return new StatusOutcome(new MeshStatus(
            clock.Time.GetUtcNow(),
            [.. silos.Select(s => new SiloSummary(s.SiloAddress.ToParsableString(), s.SiloName, s.Status.ToString(), s.StartTime,
                registryVersions.TryGetValue(s.SiloAddress.ToParsableString(), out var version) ? version : null))],
            [.. participants],
            [.. open]), null);
    }

    public async ValueTask<RegistryOutcome> RegistryAsync(OperatorProof proof)
    {
        if (await _gate.CheckAsync(proof, OperatorProofs.ReadRegistry) is { } refused)
            return new RegistryOutcome(null, await AuditAsync(OperatorProofs.ReadRegistry, proof, refused, withheld: false));
        var document = await _registry!.NewestAsync();
        await AuditAsync(OperatorProofs.ReadRegistry, proof, null, withheld: false);
        return new RegistryOutcome(document, null);
    }

    public async ValueTask<RegistryOutcome> PublishRegistryAsync(OperatorProof proof, byte[] document)
    {
        var refused = await _gate.CheckAsync(proof, OperatorProofs.PublishRegistry);
        // The proof signs the document's digest, so a captured proof publishes nothing but what the operator signed it for.
        if (refused is null && (document is null || proof.Argument != OperatorProofs.DocumentDigest(document)))
            refused = new MeshError(ErrorCodes.OperatorProofInvalid, "$.argument", "the publish request's proof does not cover this document (its argument is not the document's SHA-256)");
        if (refused is not null)
            return new RegistryOutcome(null, await AuditAsync(OperatorProofs.PublishRegistry, proof, refused, withheld: false));
        var outcome = await _registry!.PublishAsync(document!);
        await AuditAsync(OperatorProofs.PublishRegistry, proof, outcome.Error, withheld: false);
        return outcome;
    }

    /// <summary>The registry version each active silo applies, by address; empty when a silo could not answer (status still serves).</summary>
    private async Task<Dictionary<string, long>> RegistryVersionsAsync()
    {
        try
        {
            var answers = await GrainFactory.GetGrain<IManagementGrain>(0).SendControlCommandToProvider<RegistryVersionControl>(RegistryVersionControl.Name, 0);
            return answers.OfType<SiloRegistryVersion>().ToDictionary(a => a.Silo, a => a.Version, StringComparer.Ordinal);
        }
        catch (Exception ex)
        {
            // A silo leaving mid-call fails the whole fan-out: the versions are shown as unknown rather than the status refused.
            logger.LogWarning(ex, "Could not ask every silo for its registry version");
            return [];
        }
    }

    private async Task<ActivationStatus> ActivationAsync(string activationId)
    {
        var summary = await GrainFactory.GetGrain<IActivationGrain>(activationId).SummaryAsync();
        if (summary is null)
            return new ActivationStatus(activationId, Withheld: false, null, null, null, 0);
        return summary.HighWaterMark > _clearance
            ? new ActivationStatus(activationId, Withheld: true, summary.State, null, null, 0)
            : new ActivationStatus(activationId, Withheld: false, summary.State, summary.Invoker, summary.InvokedAt, summary.Breaches.Length);
    }

    /// <summary>
    /// The audit entry names the operation the silo served or refused (<paramref name="operation"/>, one of the known
    /// names, never the caller's text) and the argument cut to 40 characters, so an entry has a fixed bound.
    /// </summary>
    private async Task<MeshError?> AuditAsync(string operation, OperatorProof proof, MeshError? refused, bool withheld)
    {
        if (refused is not null && !_refusals.TryTake())
        {
            _unaudited++;
            return refused;
        }
        await AuditLoadedAsync();
        var record = new AuditRecord(operation, ValidationContext.Truncate(proof?.Argument ?? ""), proof?.IssuedAt ?? default, refused is null, refused?.Code, withheld);
        await _audit.AppendAsync(_ => ([new JournalEntry(AuditEntryType, RecordJson.Encode(record))], []));
        if (refused is null)
        {
            // An exercise tells one observation per message it plays: audited as the rest, logged only when asked for.
            logger.Log(operation == ExerciseProofs.Observe ? LogLevel.Debug : LogLevel.Information, "operator {Operation} {Argument} served", record.Operation, record.Argument);
        }
        else
        {
            logger.LogWarning("operator {Operation} {Argument} refused: {Code} ({Unaudited} refused requests before it over the audit rate, not audited)",
                record.Operation, record.Argument, refused.Code, _unaudited);
            _unaudited = 0;
        }
        return refused;
    }
}
