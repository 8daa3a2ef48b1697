namespace Article42.Mesh.Exercises;

/// <summary>
/// Observations of a plan played on a perfect mesh: every message accepted on time (except commitments beyond the declared inventory, which the mesh refuses) and delivered at once to
/// every recipient that is online and cleared for its label. For <c>a42 exercise plan</c>, for tests, and as
/// the pattern a runner follows when it fills <see cref="ExerciseObservations"/> from the real mesh.
/// </summary>
public static class DryRun
{
    public static ExerciseObservations Observe(SimulationPlan plan, DateTimeOffset startexUtc, string host = "dry-run")
    {
        var scenario = plan.Scenario;
        DateTimeOffset Real(TimeSpan offset) => startexUtc + offset / scenario.Compression;
        var clock = (TimeSpan offset) => Real(offset);
        var messages = plan.Sends.Select(a => ObservedMessage.Of(a, a.Ref, a.Payload.ToBody(clock), Real(a.At))).ToImmutableArray();
        messages = InventoryRule.Apply(messages);
        var deliveries = plan.Sends.SelectMany(a => scenario.Registry.Expand(a.To.AddRange(a.Info), a.Actor).Select(recipient =>
        {
            var cleared = scenario.Registry.Find(recipient) is { } p && p.AccreditationMax >= a.Label.Level;
            var online = scenario.Participant(recipient)?.Behaviour.Online ?? true;
            return cleared
                ? online ? new ObservedDelivery(a.Ref, recipient, DeliveryEvent.Delivered, a.At, Real(a.At)) : null
                : new ObservedDelivery(a.Ref, recipient, DeliveryEvent.NotDelivered, a.At, Real(a.At), NonDeliveryReason.SecurityPolicy);
        })).OfType<ObservedDelivery>().ToImmutableArray();
        return new ExerciseObservations
        {
            ExerciseId = scenario.Id,
            Seed = plan.Seed,
            StartexUtc = startexUtc,
            EndexUtc = Real(scenario.Endex),
            Host = host,
            MeshProfile = "dry-run",
            Messages = messages,
            Deliveries = deliveries,
        };
    }
}
