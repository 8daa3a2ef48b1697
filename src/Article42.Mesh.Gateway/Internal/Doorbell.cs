namespace Article42.Mesh.Gateway;

/// <summary>The observer the participant grain rings when the inbox gains a message: only a hint to fetch now.</summary>
internal sealed class Doorbell(Wakeup wakeup) : IInboxDoorbell
{
    public void Ring(string participant) => wakeup.Set();
}
