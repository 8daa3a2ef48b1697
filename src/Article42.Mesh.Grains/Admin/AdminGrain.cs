using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// Serves <c>a42 trace</c> and <c>a42 status</c>: checks the operator's proof, reads the journal and the participant
/// grains, withholds what is labelled above <see cref="SecurityOptions.OperatorClearance"/>, and writes every request,
/// served or refused, to the audit stream before answering.
/// </summary>
public sealed class AdminGrain(
    ParticipantRegistry registry,
    IMessageJournal journal,
    OperatorKey operatorKey,
    IOptions<SecurityOptions> securityOptions,
    MeshClock clock,
    ILogger<AdminGrain> logger) : Grain, IAdminGrain
{
    public const string AuditStream = "admin/audit";
    public const string AuditEntryType = "operator-read";
    private const int MaxActivations = 1000;

    private readonly Classification _clearance = securityOptions.Value.OperatorClearance;
    private OperatorGate _gate = null!;
    private JournalStream _audit = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _gate = new OperatorGate(operatorKey, clock.Time);
        _audit = new JournalStream(AuditStream, journal, onStale: DeactivateOnIdle);
        await _audit.LoadAsync();
    }

    public async ValueTask<TraceOutcome> TraceAsync(OperatorProof proof)
    {
        if (_gate.Check(proof, OperatorProofs.Trace) is { } refused)
            return new TraceOutcome(null, await AuditAsync(proof, refused, withheld: false));
        var trace = MessageTraces.Build(proof.Argument, await journal.FindByMessageIdAsync(proof.Argument), _clearance);
        if (trace is null)
        {
            var unknown = new MeshError(ErrorCodes.MessageUnknown, "$.msg_id", $"the mesh never accepted a message '{ValidationContext.Truncate(proof.Argument)}'");
            return new TraceOutcome(null, await AuditAsync(proof, unknown, withheld: false));
        }
        await AuditAsync(proof, null, trace.Withheld);
        return new TraceOutcome(trace, null);
    }

    public async ValueTask<StatusOutcome> StatusAsync(OperatorProof proof)
    {
        if (_gate.Check(proof, OperatorProofs.Status) is { } refused)
            return new StatusOutcome(null, await AuditAsync(proof, refused, withheld: false));
        var silos = await GrainFactory.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: true);
        var participants = await Task.WhenAll(registry.Participants.Select(p => GrainFactory.GetGrain<IParticipantGrain>(p.Id).DescribeAsync().AsTask()));
        var activations = await Task.WhenAll((await journal.ListStreamsAsync("activation/", MaxActivations))
            .Select(stream => ActivationAsync(stream["activation/".Length..])));
        var open = activations.Where(a => a.State is not (ActivationState.Closed or ActivationState.Withdrawn)).ToList();
        await AuditAsync(proof, null, open.Any(a => a.Withheld));
        return new StatusOutcome(new MeshStatus(
            clock.Time.GetUtcNow(),
            [.. silos.Select(s => new SiloSummary(s.SiloAddress.ToParsableString(), s.SiloName, s.Status.ToString(), s.StartTime))],
            [.. participants],
            [.. open]), null);
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

    private async Task<MeshError?> AuditAsync(OperatorProof proof, MeshError? refused, bool withheld)
    {
        var record = new AuditRecord(proof?.Operation ?? "", ValidationContext.Truncate(proof?.Argument ?? ""), proof?.IssuedAt ?? default, refused is null, refused?.Code, withheld);
        await _audit.AppendAsync(_ => ([new JournalEntry(AuditEntryType, RecordJson.Encode(record))], []));
        if (refused is null)
            logger.LogInformation("operator {Operation} {Argument} served", record.Operation, record.Argument);
        else
            logger.LogWarning("operator {Operation} {Argument} refused: {Code}", record.Operation, record.Argument, refused.Code);
        return refused;
    }
}
