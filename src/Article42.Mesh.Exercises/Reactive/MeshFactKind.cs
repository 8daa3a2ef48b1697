namespace Article42.Mesh.Exercises;

/// <summary>What the mesh did that a simulated participant (or the runner for it) saw.</summary>
public enum MeshFactKind
{
    /// <summary>The mesh answered a participant's submit: accepted (a message id) or refused (an error).</summary>
    Submitted,

    /// <summary>A participant's gateway handed it a message from its inbox: the arrival its decisions start from.</summary>
    Received,

    /// <summary>The sender's report feed: DR, the copy is durable in the recipient's inbox.</summary>
    Delivered,

    /// <summary>The sender's report feed: NDR, the copy was dead-lettered.</summary>
    NotDelivered,

    /// <summary>The sender's report feed: the mesh escalated a missing receipt (50 % or 100 % of the exercise-clock SLO).</summary>
    Escalated,
}
