namespace Article42.Mesh.Grains;

/// <summary>The legality hook: a message that names an activation is judged by that activation's grain.</summary>
internal sealed class ActivationLegality(IGrainFactory grains) : IMessageLegality
{
    public async ValueTask<MeshError?> JudgeAsync(Envelope envelope) =>
        envelope.ActivationId is { } id ? await grains.GetGrain<IActivationGrain>(id).JudgeAsync(envelope) : null;
}
