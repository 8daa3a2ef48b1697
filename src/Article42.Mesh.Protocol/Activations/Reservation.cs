namespace Article42.Mesh.Protocol;

/// <summary>A commitment's claim on its offerer's declared inventory: one offer of one activation, a quantity of one category.</summary>
[GenerateSerializer, Immutable, Alias("a42.reservation")]
public sealed record Reservation(
    [property: Id(0)] string ActivationId,
    [property: Id(1)] string OfferId,
    [property: Id(2)] string CategoryCode,
    [property: Id(3)] int Quantity);
