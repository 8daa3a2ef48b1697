namespace Article42.Mesh.Protocol;

/// <summary>
/// Messages from one sender's outbox for one recipient, in the sender's dispatch order, each with the key id recorded
/// at its acceptance (<see cref="KeyIds"/>, issue #21: the recipient's gateway verifies the signature against it).
/// </summary>
[GenerateSerializer, Immutable, Alias("a42.delivery-batch")]
public sealed record DeliveryBatch(
    [property: Id(0)] string Sender,
    [property: Id(1)] ImmutableArray<Envelope> Envelopes,
    [property: Id(2)] ImmutableArray<string?> KeyIds = default)
{
    /// <summary>The key id recorded with the acceptance of the <paramref name="index"/>th envelope (issue #21); null when none came with it.</summary>
    public string? KeyIdOf(int index) => !KeyIds.IsDefault && index < KeyIds.Length ? KeyIds[index] : null;
}
