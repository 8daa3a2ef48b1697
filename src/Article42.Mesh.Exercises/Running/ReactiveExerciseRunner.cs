using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using Article42.Mesh.Gateway;

namespace Article42.Mesh.Exercises;

/// <summary>
/// Plays a scenario through a real mesh with the <see cref="ReactiveEngine"/>: one gateway per simulated participant
/// with its real key; EXCON's MSEL goes out at its scenario times; every other message is decided when the gateway of
/// its sender was handed what it answers, and goes out through that gateway when its reaction time has passed on the
/// exercise clock. What the mesh did is recorded as an <see cref="ArrivalLog"/> (the engine's whole input) and observed
/// for the after-action report. One loop does all the deciding, so the log's order is the order of the decisions.
/// </summary>
public sealed class ReactiveExerciseRunner(ParticipantConnections connections, Func<string, ECDsa> keyOf, TimeProvider time)
{
    /// <summary>A runner whose participants' gateways share <paramref name="client"/> (an in-process test cluster).</summary>
    public ReactiveExerciseRunner(IClusterClient client, Func<string, ECDsa> keyOf, TimeProvider time)
        : this(ParticipantConnections.Shared(client), keyOf, time)
    {
    }

    /// <summary>After ENDEX, how long to wait for the last delivery reports.</summary>
    private static readonly TimeSpan ReportGrace = TimeSpan.FromSeconds(10);

    /// <summary>Plays the scenario with a seed; returns what was observed and the arrival log it was decided from.</summary>
    /// <param name="scenario">The scenario, at the compression it is played.</param>
    /// <param name="seed">The seed of the simulated behaviour.</param>
    /// <param name="activationSummaries">Reads an activation's summary (a42: through the operator-signed admin grain); null when the runner has none to read.</param>
    /// <param name="control">Exercise control in the mesh: the exercise clock the mesh judges receipts on; null for none.</param>
    /// <param name="progress">Receives the live display's figures after each message sent.</param>
    /// <param name="host">Named in the report's run section.</param>
    /// <param name="meshProfile">Named in the report's run section.</param>
    /// <param name="cancellation">Stops the exercise.</param>
    public async Task<(ExerciseObservations Observations, ArrivalLog Log)> RunAsync(
        Scenario scenario, int seed, Func<string, Task<ActivationSummary?>>? activationSummaries, IExerciseControl? control,
        IProgress<ExerciseProgress>? progress, string host, string meshProfile, CancellationToken cancellation)
    {
        var engine = new ReactiveEngine(scenario, seed);
        var sightings = Channel.CreateUnbounded<GatewaySighting>(new UnboundedChannelOptions { SingleReader = true });
        var online = scenario.Participants.Where(p => p.Behaviour.Online).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var senders = online.Concat(scenario.Msel.Select(inject => inject.From));
        await using var gateways = await SimulatedGateways.StartAsync(connections, senders, keyOf, time, sighting => sightings.Writer.TryWrite(sighting), cancellation);
        var startex = time.GetUtcNow();
        var clock = new ExerciseClockReading(startex, scenario.Compression);
        var refOf = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var idOf = new Dictionary<string, string>(StringComparer.Ordinal);
        if (control is not null)
            await control.StartexAsync(ExerciseControlPlan.From(scenario), cancellation);
        var (sent, refused, played, injects) = (0, 0, 0, scenario.Msel.Count(i => i.Kind == MessageKind.Inject));
        (PlannedAction Pause, DateTimeOffset Until)? paused = null;
        while (!cancellation.IsCancellationRequested)
        {
            if (paused is { } pause)
            {
                // PAUSEEX: nothing is learnt, decided or sent until RESUMEEX; what the gateways see meanwhile waits in the channel.
                if (await DelayUntilAsync(pause.Until, cancellation))
                    continue;
                await SendAsync(scenario, Resumption(pause.Pause, time.GetUtcNow()), gateways.Of(pause.Pause.Actor), idOf, refOf, clock, cancellation);
                clock.Resume(time.GetUtcNow());
                paused = null;
            }
            Learn(engine, sightings.Reader, refOf, online, clock);
            var now = time.GetUtcNow();
            if (engine.Next is { } next && clock.Real(next.At) <= now)
            {
                // An action whose time passed while the loop was busy goes out at once and keeps its decided time.
                var fact = await SendAsync(scenario, engine.TakeNext(), gateways.Of(next.Actor), idOf, refOf, clock, cancellation);
                engine.Record(fact);
                (sent, refused, played) = (sent + 1, refused + (fact.Refusal is null ? 0 : 1), played + (next.Kind == MessageKind.Inject ? 1 : 0));
                if (control is not null)
                    await control.ObserveAsync(new ExerciseObservation(next.Ref, fact.MsgId, next.Kind, next.Actor, next.At, next.InjectId, fact.Refusal?.Code), cancellation);
                progress?.Report(new ExerciseProgress(next.At, scenario.Endex, played, injects, sent, refused, gateways.Delivered, gateways.Fetched));
                if (next is { Kind: MessageKind.Pauseex, ResumeAfter: { } length } && fact.Refusal is null)
                {
                    clock.Pause(time.GetUtcNow());
                    paused = (next, time.GetUtcNow() + length);
                }
                continue;
            }
            var endex = clock.Real(scenario.Endex);
            if (now >= endex)
                break;
            var wake = engine.Next is { } due && clock.Real(due.At) < endex ? clock.Real(due.At) : endex;
            await WaitAsync(sightings.Reader, wake, cancellation);
        }
        await AwaitReportsAsync(engine, sightings.Reader, refOf, online, clock, cancellation);
        if (control is not null)
            await control.EndexAsync(cancellation);
        var log = new ArrivalLog
        {
            ExerciseId = scenario.Id,
            Seed = seed,
            Compression = scenario.Compression,
            StartexUtc = startex,
            EndexUtc = clock.Real(scenario.Endex),
            Host = host,
            MeshProfile = meshProfile,
            Facts = [.. engine.Facts],
            Activations = activationSummaries is null ? [] : [.. (await Task.WhenAll(scenario.Activations.Select(a => activationSummaries(a.Id)))).OfType<ActivationSummary>()],
            ScenarioSource = scenario.Source,
        };
        return (engine.Observe(log), log);
    }

    /// <summary>Hands the engine everything the gateways saw since the last call, in the order they saw it.</summary>
    private static void Learn(ReactiveEngine engine, ChannelReader<GatewaySighting> sightings, ConcurrentDictionary<string, string> refOf, HashSet<string> online, ExerciseClockReading clock)
    {
        while (sightings.TryRead(out var sighting))
        {
            // Traffic the runner did not send is not the exercise's; a gateway that is offline in the scenario never reads its inbox.
            if (!refOf.TryGetValue(sighting.MessageId, out var reference) || (sighting.Event == DeliveryEvent.Fetched && !online.Contains(sighting.Recipient)))
                continue;
            engine.Record(new MeshFact(KindOf(sighting.Event), reference, sighting.Recipient, clock.Scenario(sighting.At), sighting.At,
                Reason: sighting.Reason, ThresholdPercent: sighting.ThresholdPercent));
        }
    }

    private static MeshFactKind KindOf(DeliveryEvent seen) => seen switch
    {
        DeliveryEvent.Fetched => MeshFactKind.Received,
        DeliveryEvent.Delivered => MeshFactKind.Delivered,
        DeliveryEvent.NotDelivered => MeshFactKind.NotDelivered,
        _ => MeshFactKind.Escalated,
    };

    private async Task<MeshFact> SendAsync(Scenario scenario, PlannedAction action, MeshGateway gateway, Dictionary<string, string> idOf,
        ConcurrentDictionary<string, string> refOf, ExerciseClockReading clock, CancellationToken cancellation)
    {
        var now = time.GetUtcNow();
        var envelope = ExerciseEnvelope.Build(scenario, action, Ulid.New(now), now, clock.Real,
            reference => idOf.GetValueOrDefault(reference, EnvelopeSkeleton.PlaceholderReplyTo));
        // Known before the submit: the recipient's gateway may be handed the message before the submit returns.
        idOf[action.Ref] = envelope.MsgId;
        refOf[envelope.MsgId] = action.Ref;
        MeshError? refusal = null;
        try
        {
            await RateRefusalRetry.SendAsync(token => gateway.SendAsync(envelope, token), time, cancellation);
        }
        catch (MeshRefusedException refused)
        {
            refusal = refused.Errors.FirstOrDefault();
        }
        return new MeshFact(MeshFactKind.Submitted, action.Ref, action.Actor, action.At, now, envelope.MsgId, refusal);
    }

    /// <summary>After ENDEX: learns reports (bounded) until every accepted message has a delivery or non-delivery report.</summary>
    private async Task AwaitReportsAsync(ReactiveEngine engine, ChannelReader<GatewaySighting> sightings, ConcurrentDictionary<string, string> refOf,
        HashSet<string> online, ExerciseClockReading clock, CancellationToken cancellation)
    {
        var deadline = time.GetUtcNow() + ReportGrace;
        while (time.GetUtcNow() < deadline)
        {
            Learn(engine, sightings, refOf, online, clock);
            var reported = engine.Facts.Where(f => f.Kind is MeshFactKind.Delivered or MeshFactKind.NotDelivered).Select(f => f.Ref).ToHashSet(StringComparer.Ordinal);
            if (engine.Facts.Where(f => f.Kind == MeshFactKind.Submitted && f.Refusal is null).All(f => reported.Contains(f.Ref)))
                return;
            await WaitAsync(sightings, deadline, cancellation);
        }
    }

    /// <summary>EXCON's RESUMEEX ending <paramref name="pause"/>, taking effect at <paramref name="now"/>; not a decision of the engine, so not in its log.</summary>
    private static PlannedAction Resumption(PlannedAction pause, DateTimeOffset now)
    {
        var body = pause.Payload.ToJsonObject();
        body["exercise_time"] = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        return pause with { Ref = $"{pause.Ref}:RESUMEEX", Kind = MessageKind.Resumeex, Payload = new PayloadTemplate(MessageKind.Resumeex, body), ResumeAfter = null };
    }

    /// <summary>Waits until <paramref name="until"/>; false when it has already come.</summary>
    private async Task<bool> DelayUntilAsync(DateTimeOffset until, CancellationToken cancellation)
    {
        var wait = until - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
            return false;
        await Task.Delay(wait, time, cancellation);
        return true;
    }

    /// <summary>Waits until a sighting can be read or <paramref name="until"/> comes.</summary>
    private async Task WaitAsync(ChannelReader<GatewaySighting> sightings, DateTimeOffset until, CancellationToken cancellation)
    {
        var wait = until - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
            return;
        using var timeout = new CancellationTokenSource(wait, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellation);
        try
        {
            await sightings.WaitToReadAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            // The time came before anything was seen.
        }
    }
}
