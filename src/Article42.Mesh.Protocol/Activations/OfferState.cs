namespace Article42.Mesh.Protocol;

/// <summary>The sub-machine of one offer (docs/design/domain.md §8.4).</summary>
public enum OfferState
{
    Proposed,
    Accepted,
    PartiallyAccepted,
    Declined,
    Countered,
    OnHold,
    Committed,
    Deploying,
    Delivered,
    Completed,
    Withdrawn,
}
