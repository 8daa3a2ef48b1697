namespace Article42.Mesh.Grains;

/// <summary>
/// The silo's current participant registry (issue #21): every registry lookup in the silo goes through it, so an
/// operator-signed update the silo applies (<see cref="RegistryFollower"/>) is seen by the next call everywhere.
/// </summary>
public interface IRegistryHolder
{
    /// <summary>The registry applied now; replaced whole, never changed in place.</summary>
    ParticipantRegistry Current { get; }

    /// <summary>The version of <see cref="Current"/> (0: an unversioned registry from before issue #21).</summary>
    long Version => Current.Version;

    /// <summary>Replaces <see cref="Current"/> with <paramref name="next"/> when it is newer; false (nothing changed) otherwise.</summary>
    bool TryApply(ParticipantRegistry next);
}
