namespace Article42.Mesh.Grains;

/// <summary>The one holder of a silo's registry: starts with the registry the silo was started with, swaps atomically.</summary>
public sealed class RegistryHolder(ParticipantRegistry initial) : IRegistryHolder
{
    private ParticipantRegistry _current = initial;

    /// <inheritdoc/>
    public ParticipantRegistry Current => Volatile.Read(ref _current);

    /// <inheritdoc/>
    public bool TryApply(ParticipantRegistry next)
    {
        ArgumentNullException.ThrowIfNull(next);
        while (true)
        {
            var current = Current;
            if (next.Version <= current.Version)
                return false;
            // Two appliers racing (a poll and a push) keep the newest: a swap only from what was read.
            if (Interlocked.CompareExchange(ref _current, next, current) == current)
                return true;
        }
    }
}
