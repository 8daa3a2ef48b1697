namespace Article42.Mesh.Grains;

/// <summary>Another activation of the same participant wrote to its stream; this activation's view is stale.</summary>
public sealed class StaleActivationException(string streamId, long expected, long actual)
    : Exception($"journal stream '{streamId}' is at version {actual}, not {expected}: another activation wrote to it");
