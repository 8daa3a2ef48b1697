namespace Article42.Mesh.Protocol;

/// <summary>A receipt still missing at <see cref="ThresholdPercent"/> (50 or 100) of its precedence's receipt SLO.</summary>
[GenerateSerializer, Immutable, Alias("a42.slo-breach")]
public sealed record SloBreach(
    [property: Id(0)] string MessageId,
    [property: Id(1)] string Originator,
    [property: Id(2)] string Recipient,
    [property: Id(3)] MessageKind Kind,
    [property: Id(4)] Precedence Precedence,
    [property: Id(5)] int ThresholdPercent,
    [property: Id(6)] DateTimeOffset At);
