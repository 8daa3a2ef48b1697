namespace Article42.Mesh.Protocol;

/// <summary>The sub-machine of one offer (docs/design/domain.md §8.4).</summary>
public enum OfferState
{
    /// <summary>Proposed.</summary>
    Proposed,
    /// <summary>Accepted.</summary>
    Accepted,
    /// <summary>Partially accepted.</summary>
    PartiallyAccepted,
    /// <summary>Declined.</summary>
    Declined,
    /// <summary>Countered.</summary>
    Countered,
    /// <summary>On hold.</summary>
    OnHold,
    /// <summary>Committed.</summary>
    Committed,
    /// <summary>Deploying.</summary>
    Deploying,
    /// <summary>Delivered.</summary>
    Delivered,
    /// <summary>Completed.</summary>
    Completed,
    /// <summary>Withdrawn.</summary>
    Withdrawn,
}
