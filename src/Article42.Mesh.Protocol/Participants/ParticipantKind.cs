namespace Article42.Mesh.Protocol;

/// <summary>What a participant is: a member state, an EU body, or exercise control (EXCON).</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<ParticipantKind>))]
public enum ParticipantKind
{
    /// <summary><c>member_state</c>: a member state.</summary>
    MemberState,
    /// <summary><c>eu_body</c>: an EU body.</summary>
    EuBody,
    /// <summary><c>exercise_control</c>: exercise control (EXCON).</summary>
    ExerciseControl,
}
