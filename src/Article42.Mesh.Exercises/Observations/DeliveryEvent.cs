namespace Article42.Mesh.Exercises;

/// <summary>What the sender's report feed said about one recipient's copy of a message.</summary>
public enum DeliveryEvent
{
    /// <summary>DR: durable in the recipient's inbox.</summary>
    Delivered,

    /// <summary>NDR: dead-lettered, with a reason.</summary>
    NotDelivered,

    /// <summary>The recipient's gateway fetched it.</summary>
    Fetched,

    /// <summary>The mesh escalated a missing receipt (50% or 100% of the SLO).</summary>
    Escalated,
}
