namespace Article42.Mesh.Grains;

/// <summary>
/// The legality hook of a submit: may this message be sent in the current state of its activation? Asked after
/// the envelope checks, the claim of the message id (for this sender and content) and backpressure, and before
/// the message is stored; a refusal names the rule and the state. The default,
/// <see cref="ActivationLegality"/>, asks the activation the message names.
/// </summary>
public interface IMessageLegality
{
    ValueTask<MeshError?> JudgeAsync(Envelope envelope);
}
