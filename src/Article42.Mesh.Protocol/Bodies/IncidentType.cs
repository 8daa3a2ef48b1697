namespace Article42.Mesh.Protocol;

/// <summary>What happened, as an invocation or incident report names it (docs/design/domain.md §8.3).</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<IncidentType>))]
public enum IncidentType
{
    ArmedAttack,
    Terrorist,
    Cyber,
    Hybrid,
    Cbrn,
    DroneMissile,
    Maritime,
    Other,
}
