namespace Article42.Mesh.Grains;

/// <summary>
/// The bytes of message bodies one participant activation holds in memory, its outbox lanes and its inbox bands
/// together, against <see cref="DeliveryOptions.HeldBytesCap"/> (issue #18): a queue whose next body would take it past
/// the cap stops holding there and reads the rest from the journal (<see cref="HeldRows"/>).
/// </summary>
internal sealed class HeldBytes(long cap)
{
    /// <summary>Bytes held now.</summary>
    public long Held { get; private set; }

    /// <summary>Bodies held now.</summary>
    public long Bodies { get; private set; }

    /// <summary>Takes <paramref name="bytes"/> from the cap when they fit under it.</summary>
    public bool TryHold(int bytes)
    {
        if (Held + bytes > cap)
            return false;
        Held += bytes;
        Bodies++;
        return true;
    }

    public void Release(int bytes)
    {
        Held -= bytes;
        Bodies--;
    }
}
