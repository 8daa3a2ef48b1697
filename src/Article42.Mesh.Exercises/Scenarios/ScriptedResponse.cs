namespace Article42.Mesh.Exercises;

/// <summary>The message a simulated actor sends to meet an expectation (its kind is the expectation's).</summary>
public sealed record ScriptedResponse(
    ImmutableArray<string> To,
    ImmutableArray<string> Info,
    Precedence Precedence,
    SecurityLabel Label,
    string? ActivationId,
    PayloadTemplate Payload);
