namespace Article42.Mesh.Exercises;

/// <summary>
/// Replays a recorded arrival log without a mesh (issue 22, item 2, determinism where it can hold): a fresh engine with
/// the log's seed learns the log's facts in their order and takes the same decisions; its observations give the same
/// report figures as the run that recorded the log.
/// </summary>
public static class ArrivalReplay
{
    /// <summary>The engine after learning every fact of <paramref name="log"/>.</summary>
    public static ReactiveEngine Play(Scenario scenario, ArrivalLog log)
    {
        var engine = new ReactiveEngine(scenario with { Compression = log.Compression }, log.Seed);
        foreach (var fact in log.Facts)
            engine.Record(fact);
        return engine;
    }
}
