namespace Article42.Mesh.Exercises;

/// <summary>Per activation: T_all27_ack over the playing member states and T_first_solidarity.</summary>
internal static class ActivationJudge
{
    public static ImmutableArray<ActivationFigure> Judge(ObservationIndex index, GapList gaps) =>
        [.. index.Scenario.Activations.Select(activation => Judge(index, activation, gaps))];

    private static ActivationFigure Judge(ObservationIndex index, ScenarioActivation activation, GapList gaps)
    {
        var invocation = index.OfKind(MessageKind.Invocation).FirstOrDefault(m => m.ActivationId == activation.Id && m.From == activation.Invoker);
        if (invocation is null)
            return new ActivationFigure(activation.Id, activation.Invoker, null, null, [], null, [], []);
        var invoked = ObservationIndex.Seconds(invocation.Scenario);
        var states = index.Scenario.Participants.Select(p => p.Id)
            .Where(id => id != activation.Invoker && index.Scenario.Registry.Find(id)?.Kind == ParticipantKind.MemberState).ToList();
        var acks = Latencies(index, MessageKind.InvocationAck, activation.Id, invoked);
        var solidarity = Latencies(index, MessageKind.SolidarityStatement, activation.Id, invoked);
        var missing = states.Where(id => acks.All(a => a.Participant != id)).ToImmutableArray();
        var stateAcks = acks.Where(a => states.Contains(a.Participant)).ToList();
        if (!missing.IsEmpty)
        {
            var due = invoked + ObservationIndex.Seconds(PrecedenceSlo.For(Precedence.Flash).Receipt!.Value);
            gaps.Add(GapKind.InvocationNotAcknowledged, activation.Id, due,
                $"{activation.Id} ({activation.Invoker}): {string.Join(", ", missing)} never sent INVOCATION_ACK (due within the FLASH receipt SLO, by {ObservationIndex.T(due)}); " +
                $"{stateAcks.Count} of {states.Count} member states acknowledged");
        }
        return new ActivationFigure(activation.Id, activation.Invoker, invoked,
            missing.IsEmpty && stateAcks.Count > 0 ? stateAcks.Max(a => a.Seconds) : null, missing,
            solidarity.Count > 0 ? solidarity.Min(s => s.Seconds) : null, [.. acks], [.. solidarity]);
    }

    /// <summary>Each participant's first message of a kind in the activation, as a latency from the invocation.</summary>
    private static List<ParticipantTime> Latencies(ObservationIndex index, MessageKind kind, string activation, long invoked) =>
    [
        .. index.OfKind(kind).Where(m => m.ActivationId == activation).GroupBy(m => m.From)
            .Select(g => new ParticipantTime(g.Key, ObservationIndex.Seconds(g.First().Scenario) - invoked))
            .OrderBy(p => p.Seconds).ThenBy(p => p.Participant, StringComparer.Ordinal),
    ];
}
