namespace Article42.Mesh.Protocol;

/// <summary>HSEEP performance rating of an exercise objective (docs/design/domain.md §10).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<HseepRating>))]
public enum HseepRating
{
    /// <summary>Performed without challenges.</summary>
    P,
    /// <summary>Performed with some challenges.</summary>
    S,
    /// <summary>Performed with major challenges.</summary>
    M,
    /// <summary>Unable to be performed.</summary>
    U,
}
