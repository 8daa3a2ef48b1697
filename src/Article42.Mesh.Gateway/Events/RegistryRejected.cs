namespace Article42.Mesh.Gateway;

/// <summary>
/// The mesh handed this gateway a registry document it did not apply (issue #21): malformed (<c>A42-REG-001</c>),
/// unsigned or from a silo on an unsigned registry (<c>A42-REG-002</c>), not signed by
/// <see cref="MeshGatewayOptions.OperatorPublicKey"/> (<c>A42-REG-003</c>), or older than the one it holds
/// (<c>A42-REG-004</c>). The gateway keeps the registry it had. The same refusal twice in a row is one event.
/// </summary>
/// <param name="Error">Why, with its <c>A42-REG</c> code.</param>
/// <param name="At">When the gateway refused it.</param>
public sealed record RegistryRejected(MeshError Error, DateTimeOffset At) : MeshEvent("", At);
