namespace Article42.Mesh.Exercises;

/// <summary>What a simulated participant does at a planned moment.</summary>
public enum PlannedActionType
{
    /// <summary>Submit a message (scripted by the MSEL or produced by a behaviour).</summary>
    Send,

    /// <summary>Leave a message unanswered (drawn from the participant's silence); the runner does nothing.</summary>
    StaySilent,
}
