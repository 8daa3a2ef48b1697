namespace Article42.Mesh.Exercises.Tests;

/// <summary>
/// A mesh simulated in memory for the reactive engine: every accepted message reaches each recipient a perfect mesh
/// reaches after <c>latency</c> (scenario time), unless the test loses that copy; a submit the test refuses never
/// arrives. Arrivals due at the same time as a send are learnt first, as the planned engine does.
/// </summary>
internal static class SimulatedMesh
{
    public static ArrivalLog Play(Scenario scenario, ReactiveEngine engine, TimeSpan latency,
        Func<PlannedAction, MeshError?>? refuse = null, Func<PlannedAction, string, bool>? lose = null)
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
                engine.Record(inFlight.Dequeue());
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
}
