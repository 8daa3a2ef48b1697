namespace Article42.Mesh.Protocol;

/// <summary>What the mesh reports to an originator about one recipient of its message.</summary>
public enum ReportKind
{
    /// <summary>Delivery report: the message is durable in the recipient's inbox.</summary>
    Delivered,
    /// <summary>Non-delivery report: the recipient's copy was dead-lettered, with a reason.</summary>
    NotDelivered,
    /// <summary>Escalation: a receipt requested by default is still missing at 50% or 100% of its SLO.</summary>
    Escalated,
}
