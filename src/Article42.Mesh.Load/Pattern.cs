namespace Article42.Mesh.Load;

/// <summary>Who a message goes to.</summary>
public enum Pattern
{
    /// <summary>One other gateway, chosen at random.</summary>
    PointToPoint,

    /// <summary>Every other gateway.</summary>
    Broadcast,
}
