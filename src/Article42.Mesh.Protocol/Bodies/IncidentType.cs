namespace Article42.Mesh.Protocol;

/// <summary>What happened, as an invocation or incident report names it (docs/design/domain.md §8.3).</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<IncidentType>))]
public enum IncidentType
{
    /// <summary>Written <c>armed_attack</c> in JSON.</summary>
    ArmedAttack,
    /// <summary>Written <c>terrorist</c> in JSON.</summary>
    Terrorist,
    /// <summary>Written <c>cyber</c> in JSON.</summary>
    Cyber,
    /// <summary>Written <c>hybrid</c> in JSON.</summary>
    Hybrid,
    /// <summary>Written <c>cbrn</c> in JSON.</summary>
    Cbrn,
    /// <summary>Written <c>drone_missile</c> in JSON.</summary>
    DroneMissile,
    /// <summary>Written <c>maritime</c> in JSON.</summary>
    Maritime,
    /// <summary>Written <c>other</c> in JSON.</summary>
    Other,
}
