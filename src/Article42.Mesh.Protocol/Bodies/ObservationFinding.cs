namespace Article42.Mesh.Protocol;

/// <summary>Whether an evaluator's observation is a strength or an area for improvement.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<ObservationFinding>))]
public enum ObservationFinding
{
    /// <summary>Written <c>STRENGTH</c> in JSON.</summary>
    Strength,
    /// <summary>Written <c>AREA_FOR_IMPROVEMENT</c> in JSON.</summary>
    AreaForImprovement,
}
