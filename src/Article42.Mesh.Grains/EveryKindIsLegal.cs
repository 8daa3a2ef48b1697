namespace Article42.Mesh.Grains;

/// <summary>The legality hook before activations judge anything: every kind is legal.</summary>
internal sealed class EveryKindIsLegal : IMessageLegality
{
    public ValueTask<MeshError?> JudgeAsync(Envelope envelope) => ValueTask.FromResult<MeshError?>(null);
}
