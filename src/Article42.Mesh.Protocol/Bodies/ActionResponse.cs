namespace Article42.Mesh.Protocol;

/// <summary>A recipient's answer to a tasking (docs/design/domain.md §8.5a).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<ActionResponse>))]
public enum ActionResponse
{
    Wilco,
    Cantco,
    Unable,
    HaveReceived,
}
