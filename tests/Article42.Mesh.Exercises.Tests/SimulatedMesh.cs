namespace Article42.Mesh.Exercises.Tests;

/// <summary>
/// A mesh simulated in memory for the reactive engine: every accepted message reaches each recipient a perfect mesh
/// reaches after <c>latency</c> (scenario time), unless the test loses that copy; a submit the test refuses never
/// arrives. Arrivals due at the same time as a send are learnt first, as the planned engine does. With
/// <c>escalate</c> it also watches receipts as the mesh does on the exercise clock (docs/design/domain.md §8.5a): a
/// receipt its message asked for by default that has not reached the originator at 50 % and at 100 % of the receipt
/// SLO is escalated to the originator, naming the recipient.
/// </summary>
internal static class SimulatedMesh
{
    public static ArrivalLog Play(Scenario scenario, ReactiveEngine engine, TimeSpan latency,
        Func<PlannedAction, MeshError?>? refuse = null, Func<PlannedAction, string, bool>? lose = null, bool escalate = false)
    {
        var mesh = new PlayerDecisions(scenario, engine.Seed);
        var inFlight = new PriorityQueue<MeshFact, (TimeSpan, long)>();
        long order = 0;
        DateTimeOffset Real(TimeSpan offset) => HandObservations.Startex + offset / scenario.Compression;
        while (true)
        {
            var next = engine.Next;
            if (inFlight.TryPeek(out var arrival, out _) && (next is null || arrival.At <= next.At))
            {
                var fact = inFlight.Dequeue();
                if (fact.Kind != MeshFactKind.Escalated || !Receipted(engine, fact, latency))
                    engine.Record(fact);
                continue;
            }
            if (next is null)
                break;
            var action = engine.TakeNext();
            var refusal = refuse?.Invoke(action);
            engine.Record(new MeshFact(MeshFactKind.Submitted, action.Ref, action.Actor, action.At, Real(action.At), "ID-" + action.Ref, refusal));
            if (refusal is not null)
                continue;
            foreach (var recipient in mesh.Recipients(action).Where(r => mesh.Reaches(action, r) && lose?.Invoke(action, r) != true))
            {
                var at = action.At + latency;
                inFlight.Enqueue(new MeshFact(MeshFactKind.Delivered, action.Ref, recipient, at, Real(at)), (at, order++));
                inFlight.Enqueue(new MeshFact(MeshFactKind.Received, action.Ref, recipient, at, Real(at)), (at, order++));
            }
            if (!escalate || action.Reminds is not null || !AckRules.Requested(action.Kind, action.Precedence).Contains(AckType.Rn)
                || PrecedenceSlo.For(action.Precedence).Receipt is not { } slo)
                continue;
            foreach (var recipient in scenario.Registry.Expand(action.To, action.Actor).Where(scenario.Plays))
            {
                foreach (var (after, threshold) in new[] { (slo / 2, 50), (slo, 100) })
                {
                    var at = action.At + after;
                    inFlight.Enqueue(new MeshFact(MeshFactKind.Escalated, action.Ref, recipient, at, Real(at), ThresholdPercent: threshold), (at, order++));
                }
            }
        }
        return new ArrivalLog
        {
            ExerciseId = scenario.Id,
            Seed = engine.Seed,
            Compression = scenario.Compression,
            StartexUtc = HandObservations.Startex,
            EndexUtc = Real(scenario.Endex),
            Host = "simulated",
            MeshProfile = "simulated",
            Facts = [.. engine.Facts],
        };
    }

    /// <summary>True when the recipient's receipt of the escalated message, decided for its time, reaches the originator by the escalation's time.</summary>
    private static bool Receipted(ReactiveEngine engine, MeshFact escalation, TimeSpan latency) =>
        engine.Decisions.Any(a => a.Kind == MessageKind.Receipt && a.Actor == escalation.Participant && a.InReplyToRef == escalation.Ref && a.At + latency <= escalation.At);
}
