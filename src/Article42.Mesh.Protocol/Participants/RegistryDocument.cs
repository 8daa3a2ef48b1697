namespace Article42.Mesh.Protocol;

/// <summary>The file form of the registry: <c>{"participants":[...]}</c>.</summary>
public sealed record RegistryDocument
{
    /// <summary>Every participant, in registry order.</summary>
    [JsonRequired] public ImmutableArray<Participant> Participants { get => field.IsDefault ? [] : field; init; } = [];
}
