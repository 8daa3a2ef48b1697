namespace Article42.Mesh.Exercises;

/// <summary>Inject response latencies, expectation scores and the objectives' HSEEP ratings.</summary>
internal static class InjectJudge
{
    public static ImmutableArray<InjectFigure> Injects(ObservationIndex index, GapList gaps) =>
        [.. index.Scenario.Msel.Select(inject => Inject(index, inject, gaps))];

    public static ImmutableArray<ObjectiveFigure> Objectives(Scenario scenario, ImmutableArray<InjectFigure> injects)
    {
        var expectations = injects.SelectMany(i => i.Expectations).ToDictionary(e => e.Id, StringComparer.Ordinal);
        return [.. scenario.Objectives.Select(objective =>
        {
            var judged = objective.Expectations.Where(expectations.ContainsKey).Select(id => expectations[id]).ToList();
            var earned = judged.Sum(e => e.Earned);
            var possible = judged.Sum(e => e.Score);
            var percent = possible == 0 ? 100m : Math.Round(earned * 100m / possible, 1);
            var rating = percent >= 90m ? HseepRating.P : percent >= 70m ? HseepRating.S : percent >= 40m ? HseepRating.M : HseepRating.U;
            return new ObjectiveFigure(objective.Id, objective.Title, earned, possible, percent, rating);
        })];
    }

    private static InjectFigure Inject(ObservationIndex index, Inject inject, GapList gaps)
    {
        var message = index.ByRef.GetValueOrDefault(inject.Id);
        var at = message is { Accepted: true } ? ObservationIndex.Seconds(message.Scenario) : ObservationIndex.Seconds(inject.At);
        var responses = ImmutableArray.CreateBuilder<ParticipantTime>();
        if (message is { Accepted: true })
        {
            foreach (var participant in index.AllPlayers(message))
            {
                var delivered = index.DeliveredTo(message, participant);
                var first = index.Accepted.FirstOrDefault(m => m.From == participant && ObservationIndex.Seconds(m.Scenario) >= delivered);
                if (first is not null)
                    responses.Add(new ParticipantTime(participant, ObservationIndex.Seconds(first.Scenario) - delivered));
            }
        }
        var expectations = inject.Expectations.Select(e => Expectation(index, e, message, at, gaps)).ToImmutableArray();
        return new InjectFigure(inject.Id, at, inject.From, inject.Kind, inject.Title,
            [.. responses.OrderBy(r => r.Seconds).ThenBy(r => r.Participant, StringComparer.Ordinal)], expectations);
    }

    private static ExpectationFigure Expectation(ObservationIndex index, Expectation expectation, ObservedMessage? inject, long at, GapList gaps)
    {
        var within = ObservationIndex.Seconds(expectation.Within);
        var actors = expectation.Actors.Select(actor =>
        {
            // The clock starts when the actor had the inject: its delivery, or the send for the inject's own sender.
            var start = inject is { Accepted: true } && actor != inject.From ? index.DeliveredTo(inject, actor) : at;
            // A reminder (an RFI the engine sends to chase a receipt) is not the act an expectation asks for.
            var act = index.Accepted.FirstOrDefault(m => m.From == actor && m.Reminds is null && (expectation.Kind is null || m.Kind == expectation.Kind)
                && ObservationIndex.Seconds(m.Scenario) >= start && m.Ref != inject?.Ref);
            var latency = act is null ? (long?)null : ObservationIndex.Seconds(act.Scenario) - start;
            return new ActorResult(actor, latency, latency <= within);
        }).ToImmutableArray();
        var earned = actors.IsEmpty ? 0m
            : expectation.Any ? (actors.Any(a => a.Met) ? expectation.Score : 0m)
            : Math.Round(expectation.Score * (decimal)actors.Count(a => a.Met) / actors.Length, 2);
        var missed = actors.Where(a => !a.Met).ToList();
        if (expectation.Any && missed.Count == actors.Length && actors.Length > 0)
        {
            var kind = expectation.Kind is { } k ? EnvelopeCodec.KindName(k) : "anything";
            gaps.Add(GapKind.ExpectationMissed, expectation.Id, at + within,
                $"{expectation.Id} \"{expectation.Description}\" (within {ObservationIndex.D(within)} of inject {expectation.InjectId}, by {ObservationIndex.T(at + within)}): none of the {actors.Length} expected players sent {kind} in time");
        }
        else if (!expectation.Any && missed.Count > 0)
        {
            var kind = expectation.Kind is { } named ? EnvelopeCodec.KindName(named) : "anything";
            var never = missed.Where(a => a.LatencySeconds is null).Select(a => a.Participant).ToList();
            var late = missed.Where(a => a.LatencySeconds is not null).Select(a => $"{a.Participant} after {ObservationIndex.D(a.LatencySeconds!.Value)}").ToList();
            var parts = new List<string>();
            if (never.Count > 0)
                parts.Add($"{string.Join(", ", never)} never sent {kind}");
            if (late.Count > 0)
                parts.Add($"late: {string.Join(", ", late)}");
            gaps.Add(GapKind.ExpectationMissed, expectation.Id, at + within,
                $"{expectation.Id} \"{expectation.Description}\" (within {ObservationIndex.D(within)} of inject {expectation.InjectId}, by {ObservationIndex.T(at + within)}): {string.Join("; ", parts)}");
        }
        return new ExpectationFigure(expectation.Id, expectation.Description, expectation.Kind, within, expectation.Score, earned, actors);
    }
}
