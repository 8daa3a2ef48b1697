namespace Article42.Mesh.Protocol;

/// <summary>
/// An operator's signed request: the operation (<c>trace</c>, <c>status</c>), its argument (a message id, or empty),
/// when it was made and a random nonce, signed with the operator key. Valid for <see cref="OperatorProofs.Validity"/>
/// around the silo's clock and once only.
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.operator-proof")]
public sealed record OperatorProof(
    [property: Id(0)] string Operation,
    [property: Id(1)] string Argument,
    [property: Id(2)] DateTimeOffset IssuedAt,
    [property: Id(3)] string Nonce,
    [property: Id(4)] string Signature);
