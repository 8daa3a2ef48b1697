namespace Article42.Mesh.Exercises;

/// <summary>Communications gaps: each outage of a participant's link during which messages were sent to it (they waited for the link).</summary>
internal static class CommunicationsJudge
{
    public static void Judge(ObservationIndex index, GapList gaps)
    {
        foreach (var participant in index.Scenario.Participants)
        {
            foreach (var outage in participant.Behaviour.Outages.Where(o => o.From <= index.Scenario.Endex))
            {
                var waited = index.Accepted.Where(m => outage.Contains(m.Scenario) && index.AllPlayers(m).Contains(participant.Id)).ToList();
                if (waited.Count == 0)
                    continue;
                var from = ObservationIndex.Seconds(outage.From);
                gaps.Add(GapKind.CommunicationsGap, participant.Id, from,
                    $"{participant.Id}'s link was down from {ObservationIndex.T(from)} to {ObservationIndex.T(ObservationIndex.Seconds(outage.To))}: " +
                    $"{waited.Count} messages sent to it waited for it ({ObservationIndex.FirstFive([.. waited.Select(m => $"{m.Ref} {EnvelopeCodec.KindName(m.Kind)}")])})");
            }
        }
    }
}
