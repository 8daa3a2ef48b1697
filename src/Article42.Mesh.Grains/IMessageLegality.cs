namespace Article42.Mesh.Grains;

/// <summary>
/// The legality hook of a submit: may this message be sent in the current state of its activation? Asked after
/// the envelope checks and before anything is stored; a refusal names the rule and the state. The activation
/// grains fill it; until then every kind is legal.
/// </summary>
public interface IMessageLegality
{
    ValueTask<MeshError?> JudgeAsync(Envelope envelope);
}
