using System.Text.Json;

namespace Article42.Mesh.Exercises;

/// <summary>
/// What the mesh did during one reactive run, in the order the engine learnt it: the input that, with the scenario and
/// the seed, decides everything the simulated participants did (<see cref="ArrivalReplay"/>). Written beside the report
/// as <c>arrivals.json</c>.
/// </summary>
public sealed record ArrivalLog
{
    /// <summary>The log's file name in a report directory.</summary>
    public const string FileName = "arrivals.json";

    public required string ExerciseId { get; init; }
    public required int Seed { get; init; }
    /// <summary>The compression the run was played at (payload times and the exercise clock depend on it).</summary>
    public required int Compression { get; init; }
    public required DateTimeOffset StartexUtc { get; init; }
    public DateTimeOffset EndexUtc { get; init; }
    public string Host { get; init; } = "";
    public string MeshProfile { get; init; } = "";
    public ImmutableArray<MeshFact> Facts { get; init; } = [];
    /// <summary>The activations' summaries read at ENDEX (the mesh's own ledger), part of what the report judges.</summary>
    public ImmutableArray<ActivationSummary> Activations { get; init; } = [];
    /// <summary>Where the scenario came from (<see cref="Scenario.Source"/>), which the report names: a replay names it too.</summary>
    public string ScenarioSource { get; init; } = "";

    /// <summary>The log as JSON, in the report's conventions.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, ReportJson.Options) + "\n";

    /// <summary>Reads a log written by <see cref="ToJson"/>.</summary>
    public static ArrivalLog FromJson(string json) =>
        JsonSerializer.Deserialize<ArrivalLog>(json, ReportJson.Options) ?? throw new JsonException("the arrival log is empty");
}
