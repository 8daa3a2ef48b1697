namespace Article42.Mesh.Protocol;

/// <summary>A recipient's answer to a tasking (docs/design/domain.md §8.5a).</summary>
[JsonConverter(typeof(UpperSnakeEnumConverter<ActionResponse>))]
public enum ActionResponse
{
    /// <summary>Written <c>WILCO</c> in JSON.</summary>
    Wilco,
    /// <summary>Written <c>CANTCO</c> in JSON.</summary>
    Cantco,
    /// <summary>Written <c>UNABLE</c> in JSON.</summary>
    Unable,
    /// <summary>Written <c>HAVE_RECEIVED</c> in JSON.</summary>
    HaveReceived,
}
