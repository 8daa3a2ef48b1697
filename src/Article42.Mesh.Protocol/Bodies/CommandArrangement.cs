namespace Article42.Mesh.Protocol;

/// <summary>Who commands a deployed capability (docs/design/domain.md §7); national command is the default.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<CommandArrangement>))]
public enum CommandArrangement
{
    /// <summary>Written <c>NATIONAL</c> in JSON.</summary>
    National,
    /// <summary>Written <c>OPCON</c> in JSON.</summary>
    Opcon,
    /// <summary>Written <c>TACON</c> in JSON.</summary>
    Tacon,
}
