using System.Collections.Concurrent;
using System.Security.Cryptography;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.Exercises;

/// <summary>
/// Plays a scenario's plan through a real mesh: one gateway per simulated participant with its real key, each
/// planned message signed and sent at its scenario time on the compressed clock, and everything the gateways see
/// recorded as <see cref="ExerciseObservations"/> for the after-action report. Envelope times are real UTC; the
/// scenario clock lives in the plan and in INJECT fields.
/// </summary>
public sealed class ExerciseRunner(ParticipantConnections connections, Func<string, ECDsa> keyOf, TimeProvider time)
{
    /// <summary>A runner whose participants' gateways share <paramref name="client"/> (an in-process test cluster).</summary>
    public ExerciseRunner(IClusterClient client, Func<string, ECDsa> keyOf, TimeProvider time)
        : this(ParticipantConnections.Shared(client), keyOf, time)
    {
    }

    /// <summary>How long a planned reaction waits for the message it reacts to before it goes ahead anyway.</summary>
    private static readonly TimeSpan TriggerPatience = TimeSpan.FromSeconds(15);

    /// <summary>After ENDEX, how long to wait for the last delivery reports.</summary>
    private static readonly TimeSpan ReportGrace = TimeSpan.FromSeconds(10);

    /// <summary>Plays <paramref name="plan"/>; returns what was observed, for <see cref="ExerciseReport.Create(Scenario, SimulationPlan, ExerciseObservations)"/>.</summary>
    /// <param name="plan">The simulation plan of the scenario and seed.</param>
    /// <param name="activationSummaries">Reads an activation's summary (silo-only); null when the runner has no silo-side access.</param>
    /// <param name="control">Exercise control in the mesh, told the MSEL and every message; null for none.</param>
    /// <param name="progress">Receives the live display's figures after each planned message.</param>
    /// <param name="host">Named in the report's run section.</param>
    /// <param name="meshProfile">Named in the report's run section.</param>
    /// <param name="cancellation">Stops the exercise.</param>
    public async Task<ExerciseObservations> RunAsync(
        SimulationPlan plan, Func<string, Task<ActivationSummary?>>? activationSummaries, IExerciseControl? control, IProgress<ExerciseProgress>? progress,
        string host, string meshProfile, CancellationToken cancellation)
    {
        var scenario = plan.Scenario;
        var actors = plan.Sends.Select(a => a.Actor).Concat(scenario.Participants.Where(p => p.Behaviour.Online).Select(p => p.Id));
        await using var gateways = await SimulatedGateways.StartAsync(connections, actors, keyOf, time, cancellation: cancellation);
        var startex = time.GetUtcNow();
        DateTimeOffset Real(TimeSpan offset) => startex + offset / scenario.Compression;
        var ids = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var messages = ImmutableArray.CreateBuilder<ObservedMessage>();
        var injects = plan.Sends.Count(a => a.Kind == MessageKind.Inject);
        if (control is not null)
            await control.StartexAsync(ExerciseControlPlan.From(scenario), cancellation);
        var played = 0;
        foreach (var action in plan.Sends)
        {
            await DelayUntilAsync(Real(action.At), cancellation);
            // A reaction waits (bounded) for the message it reacts to, unless the mesh refused that message.
            if (action.TriggerRef is { } trigger && ids.TryGetValue(trigger, out var triggerId) && messages.Any(m => m.MsgId == triggerId && m.Accepted))
                await gateways.ReceivedAsync(action.Actor, triggerId, TriggerPatience, time);
            var sent = await SendAsync(scenario, action, gateways.Of(action.Actor), ids, Real, cancellation);
            messages.Add(sent);
            if (control is not null)
                await control.ObserveAsync(new ExerciseObservation(sent.Ref, sent.MsgId, sent.Kind, sent.From, sent.Scenario, sent.InjectId, sent.Refusal?.Code), cancellation);
            played += action.Kind == MessageKind.Inject ? 1 : 0;
            progress?.Report(new ExerciseProgress(action.At, scenario.Endex, played, injects, messages.Count, messages.Count(m => !m.Accepted), gateways.Delivered, gateways.Fetched));
        }
        await DelayUntilAsync(Real(scenario.Endex), cancellation);
        await AwaitReportsAsync(gateways, messages, cancellation);
        if (control is not null)
            await control.EndexAsync(cancellation);
        return new ExerciseObservations
        {
            ExerciseId = scenario.Id,
            Seed = plan.Seed,
            StartexUtc = startex,
            EndexUtc = Real(scenario.Endex),
            Host = host,
            MeshProfile = meshProfile,
            Messages = messages.ToImmutable(),
            Deliveries = Deliveries(gateways, messages, startex, scenario.Compression),
            Activations = activationSummaries is null ? [] : [.. (await Task.WhenAll(scenario.Activations.Select(a => activationSummaries(a.Id)))).OfType<ActivationSummary>()],
        };
    }

    private async Task<ObservedMessage> SendAsync(
        Scenario scenario, PlannedAction action, MeshGateway gateway, ConcurrentDictionary<string, string> ids, Func<TimeSpan, DateTimeOffset> real, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var envelope = ExerciseEnvelope.Build(scenario, action, Ulid.New(now), now, real, reference => ids.GetValueOrDefault(reference, EnvelopeSkeleton.PlaceholderReplyTo));
        ids[action.Ref] = envelope.MsgId;
        MeshError? refusal = null;
        try
        {
            await gateway.SendAsync(envelope, cancellation);
        }
        catch (MeshRefusedException refused)
        {
            refusal = refused.Errors.FirstOrDefault();
        }
        return ObservedMessage.Of(action, envelope.MsgId, envelope.Payload!, now, refusal);
    }

    /// <summary>Waits (bounded) until every accepted message has a delivery or non-delivery report for each recipient it will get one for.</summary>
    private async Task AwaitReportsAsync(SimulatedGateways gateways, ImmutableArray<ObservedMessage>.Builder messages, CancellationToken cancellation)
    {
        var accepted = messages.Where(m => m.Accepted).Select(m => m.MsgId!).ToHashSet(StringComparer.Ordinal);
        var deadline = time.GetUtcNow() + ReportGrace;
        while (time.GetUtcNow() < deadline && !accepted.All(id => gateways.Seen.Any(s => s.MessageId == id && s.Event is DeliveryEvent.Delivered or DeliveryEvent.NotDelivered)))
            await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellation);
    }

    /// <summary>
    /// What the gateways saw, on both clocks: the real UTC of each event for the run section, and for the judged figures
    /// the scenario time of the message itself (delivery is instant on the scenario clock), so the figures do not
    /// depend on this machine's speed. Escalations come from the mesh's own timers and keep their real offset.
    /// </summary>
    private static ImmutableArray<ObservedDelivery> Deliveries(SimulatedGateways gateways, ImmutableArray<ObservedMessage>.Builder messages, DateTimeOffset startex, int compression)
    {
        var sent = messages.Where(m => m.MsgId is not null).ToDictionary(m => m.MsgId!, StringComparer.Ordinal);
        return [.. gateways.Seen
            .Where(s => sent.ContainsKey(s.MessageId))
            .Select(s => (Seen: s, Message: sent[s.MessageId]))
            .OrderBy(s => s.Message.Scenario).ThenBy(s => s.Message.Ref, StringComparer.Ordinal).ThenBy(s => s.Seen.Recipient, StringComparer.Ordinal).ThenBy(s => s.Seen.Event)
            .Select(s => new ObservedDelivery(
                s.Message.Ref, s.Seen.Recipient, s.Seen.Event,
                s.Seen.Event == DeliveryEvent.Escalated ? (s.Seen.At - startex) * compression : s.Message.Scenario,
                s.Seen.At, s.Seen.Reason, s.Seen.Threshold))];
    }

    private async Task DelayUntilAsync(DateTimeOffset when, CancellationToken cancellation)
    {
        var wait = when - time.GetUtcNow();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, time, cancellation);
    }
}
