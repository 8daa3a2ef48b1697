namespace Article42.Mesh.Protocol;

/// <summary>Whether an evaluator's observation is a strength or an area for improvement.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<ObservationFinding>))]
public enum ObservationFinding
{
    Strength,
    AreaForImprovement,
}
