namespace Article42.Mesh.Grains;

/// <summary>
/// The clock of the mesh's own logic (sessions, retries, SLO deadlines, escalations). Separate from the
/// <see cref="TimeProvider"/> Orleans resolves for itself, so tests can drive mesh time without moving the runtime's.
/// </summary>
public sealed class MeshClock(TimeProvider time)
{
    public TimeProvider Time { get; } = time;
}
