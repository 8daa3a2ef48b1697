namespace Article42.Mesh.Protocol;

/// <summary>Speed of service a message needs (docs/design/domain.md §8.5); higher values pre-empt lower ones.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<Precedence>))]
public enum Precedence : byte
{
    Deferred = 0,
    Routine = 1,
    Priority = 2,
    Immediate = 3,
    Flash = 4,
    Override = 5,
}
