namespace Article42.Mesh.Protocol;

/// <summary>Who commands a deployed capability (docs/design/domain.md §7); national command is the default.</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<CommandArrangement>))]
public enum CommandArrangement
{
    National,
    Opcon,
    Tacon,
}
