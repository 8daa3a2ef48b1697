namespace Article42.Mesh.Exercises;

/// <summary>The observations arranged for judging: accepted messages in time order, replies by what they answer, groups expanded to players.</summary>
internal sealed class ObservationIndex
{
    private readonly ILookup<string, ObservedMessage> _replies;

    public ObservationIndex(Scenario scenario, ExerciseObservations observations)
    {
        Scenario = scenario;
        Observations = observations;
        Accepted = [.. observations.Messages.Where(m => m.Accepted).OrderBy(m => m.Scenario).ThenBy(m => m.Ref, StringComparer.Ordinal)];
        ByRef = observations.Messages.GroupBy(m => m.Ref, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _replies = Accepted.Where(m => m.InReplyToRef is not null).ToLookup(m => m.InReplyToRef!, StringComparer.Ordinal);
        Endex = Seconds(scenario.Endex);
    }

    public Scenario Scenario { get; }
    public ExerciseObservations Observations { get; }
    public ImmutableArray<ObservedMessage> Accepted { get; }
    public IReadOnlyDictionary<string, ObservedMessage> ByRef { get; }
    public long Endex { get; }

    public static long Seconds(TimeSpan time) => (long)Math.Round(time.TotalSeconds);

    /// <summary>The first accepted reply of a kind from a participant to a message.</summary>
    public ObservedMessage? Reply(string messageRef, string from, MessageKind kind) =>
        _replies[messageRef].FirstOrDefault(m => m.From == from && m.Kind == kind);

    /// <summary>The accepted reminder its originator sent <paramref name="recipient"/> about a message's missing receipt.</summary>
    public ObservedMessage? Reminder(string messageRef, string recipient) =>
        _replies[messageRef].FirstOrDefault(m => m.Reminds == messageRef && m.To.Contains(recipient));

    /// <summary>Playing action recipients of a message (groups expanded, sender left out).</summary>
    public ImmutableArray<string> ActionPlayers(ObservedMessage message) =>
        [.. Scenario.Registry.Expand(message.To, message.From).Where(Scenario.Plays)];

    /// <summary>Playing recipients, action and info.</summary>
    public ImmutableArray<string> AllPlayers(ObservedMessage message) =>
        [.. Scenario.Registry.Expand(message.To.AddRange(message.Info), message.From).Where(Scenario.Plays)];

    public IEnumerable<ObservedMessage> OfKind(MessageKind kind) => Accepted.Where(m => m.Kind == kind);

    /// <summary>The scenario time a recipient's copy was delivered, or the send time when no report says.</summary>
    public long DeliveredTo(ObservedMessage message, string recipient) =>
        Observations.Deliveries.Where(d => d.MessageRef == message.Ref && d.Recipient == recipient && d.Event == DeliveryEvent.Delivered)
            .Select(d => Seconds(d.Scenario)).DefaultIfEmpty(Seconds(message.Scenario)).Min();

    /// <summary>The first five items, comma-separated, and how many more: how a gap names what it counts.</summary>
    public static string FirstFive(IReadOnlyCollection<string> items) =>
        string.Join(", ", items.Take(5)) + (items.Count > 5 ? $" and {items.Count - 5} more" : "");

    public static string T(long seconds) => ScenarioTime.FormatOffset(TimeSpan.FromSeconds(seconds));

    public static string D(long seconds) => ScenarioTime.FormatDuration(TimeSpan.FromSeconds(seconds));
}
