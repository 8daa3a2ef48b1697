namespace Article42.Mesh.Protocol;

/// <summary>Speed of service a message needs (docs/design/domain.md §8.5); higher values pre-empt lower ones.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<Precedence>))]
public enum Precedence : byte
{
    /// <summary>Written <c>DEFERRED</c> in JSON.</summary>
    Deferred = 0,
    /// <summary>Written <c>ROUTINE</c> in JSON.</summary>
    Routine = 1,
    /// <summary>Written <c>PRIORITY</c> in JSON.</summary>
    Priority = 2,
    /// <summary>Written <c>IMMEDIATE</c> in JSON.</summary>
    Immediate = 3,
    /// <summary>Written <c>FLASH</c> in JSON.</summary>
    Flash = 4,
    /// <summary>Written <c>OVERRIDE</c> in JSON.</summary>
    Override = 5,
}
