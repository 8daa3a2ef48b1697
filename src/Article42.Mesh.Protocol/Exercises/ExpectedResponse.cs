namespace Article42.Mesh.Protocol;

/// <summary>An action an inject expects: a message of <see cref="Kind"/> from <see cref="Actor"/> (null: anyone) within <see cref="Within"/> of the inject.</summary>
[GenerateSerializer, Immutable, Alias("a42.expected-response")]
public sealed record ExpectedResponse(
    [property: Id(0)] string Id,
    [property: Id(1)] string? Actor,
    [property: Id(2)] MessageKind Kind,
    [property: Id(3)] TimeSpan Within);
