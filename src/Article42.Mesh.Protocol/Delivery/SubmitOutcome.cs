namespace Article42.Mesh.Protocol;

/// <summary>A receipt, or every reason the message was refused (nothing was stored).</summary>
[GenerateSerializer, Immutable, Alias("a42.submit-outcome")]
public sealed record SubmitOutcome(
    [property: Id(0)] SubmitReceipt? Receipt,
    [property: Id(1)] ImmutableArray<MeshError> Errors)
{
    /// <summary>A refusal for the given reasons, with no receipt.</summary>
    public static SubmitOutcome Refused(params MeshError[] errors) => new(null, [.. errors]);
}
