namespace Article42.Mesh.Protocol;

/// <summary>What a participant is: a member state, an EU body, exercise control (EXCON), or a bench participant of <c>a42 bench</c>.</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<ParticipantKind>))]
public enum ParticipantKind
{
    /// <summary><c>member_state</c>: a member state.</summary>
    MemberState,
    /// <summary><c>eu_body</c>: an EU body.</summary>
    EuBody,
    /// <summary><c>exercise_control</c>: exercise control (EXCON).</summary>
    ExerciseControl,
    /// <summary><c>bench</c>: a load-test participant (<see cref="BenchParticipants"/>), in no group, that only <c>a42 bench</c> speaks for.</summary>
    Bench,
}
