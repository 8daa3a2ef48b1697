namespace Article42.Mesh.Faults.History;

/// <summary>What one history line records: a client's own act or what the mesh told it (issue 20's history operations).</summary>
public enum Operation
{
    /// <summary>The client process started (again, after a crash, when its history already has lines).</summary>
    Start,

    /// <summary>A send begins: the message id, its recipients and precedence are known before the mesh is asked.</summary>
    Invoke,

    /// <summary>The send returned a receipt: the mesh accepted the message (<see cref="HistoryEntry.AcceptedAt"/>).</summary>
    Ok,

    /// <summary>The mesh refused the message with a code: nothing was stored.</summary>
    Fail,

    /// <summary>The send ended without a receipt or a refusal: the message may or may not be held.</summary>
    Unknown,

    /// <summary>The gateway handed a message to the application.</summary>
    Handed,

    /// <summary>The application's acknowledgement of a handed message returned.</summary>
    Acked,

    /// <summary>A delivery or non-delivery report on a message this client sent.</summary>
    Report,
}
