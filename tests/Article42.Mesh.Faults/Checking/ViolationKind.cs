namespace Article42.Mesh.Faults.Checking;

/// <summary>The checker's verdicts (issue 20): each one a broken promise of the mesh, strict zero in every scenario.</summary>
public enum ViolationKind
{
    /// <summary>Accepted (a receipt, or an unknown outcome some recipient later saw) and not handed to every recipient in time.</summary>
    Lost,

    /// <summary>Handed but never sent, refused when sent, or handed to a participant that is not one of its recipients.</summary>
    Unexpected,

    /// <summary>Handed twice to one application, other than a flagged redelivery after that gateway's own crash.</summary>
    Duplicated,

    /// <summary>Handed against the acceptance order within one sender, recipient and precedence.</summary>
    Reordered,

    /// <summary>A send with no outcome, or a handed message never acknowledged, by the end of the run.</summary>
    Stuck,

    /// <summary>A delivery or non-delivery report that does not match what happened, or a delivery with no report.</summary>
    Reports,
}
