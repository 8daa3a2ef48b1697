namespace Article42.Mesh.Protocol;

/// <summary>What a participant is: a member state, an EU body, or exercise control (EXCON).</summary>
[JsonConverter(typeof(LowerSnakeEnumConverter<ParticipantKind>))]
public enum ParticipantKind
{
    MemberState,
    EuBody,
    ExerciseControl,
}
