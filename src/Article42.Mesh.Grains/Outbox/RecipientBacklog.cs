namespace Article42.Mesh.Grains;

/// <summary>A recipient's inbox backlog as the last delivery to it reported, shared by the sender's lanes to it.</summary>
internal sealed class RecipientBacklog
{
    /// <summary>Unacknowledged messages in the recipient's inbox (0 until a delivery or a refresh said).</summary>
    public long Total { get; set; }

    /// <summary>The FLASH and OVERRIDE part of it; null until the recipient said.</summary>
    public long? Urgent { get; set; }
}
