namespace Article42.Mesh.Benchmarks.Load;

/// <summary>Who a message goes to.</summary>
internal enum Pattern
{
    /// <summary>One other gateway, chosen at random.</summary>
    PointToPoint,

    /// <summary>Every other gateway.</summary>
    Broadcast,
}
