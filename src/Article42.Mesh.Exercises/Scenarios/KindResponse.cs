namespace Article42.Mesh.Exercises;

/// <summary>
/// How likely a participant is, by default, to leave a message of a kind unanswered, on top of its own
/// <see cref="Behaviour.Silence"/>: a crisis centre almost never lets an invocation or an RFA drop, a situation report
/// often goes unread. The scenario's <c>ignore:</c> replaces the whole chance for a kind it names. The table is the one
/// in docs/exercises.md ("Default response per message kind").
/// </summary>
internal static class KindResponse
{
    private static readonly ImmutableDictionary<MessageKind, double> DefaultIgnore = new Dictionary<MessageKind, double>
    {
        [MessageKind.Invocation] = 0.001,
        [MessageKind.Rfa] = 0.005,
        [MessageKind.Offer] = 0.005,
        [MessageKind.OfferDecision] = 0.005,
        [MessageKind.Commitment] = 0.005,
        [MessageKind.IncidentReport] = 0.05,
        [MessageKind.Rfi] = 0.05,
        [MessageKind.DeploymentStatus] = 0.2,
        [MessageKind.Sitrep] = 0.4,
        [MessageKind.SolidarityStatement] = 0.5,
    }.ToImmutableDictionary();

    /// <summary>The default chance of ignoring a message of <paramref name="kind"/> when the participant is not silent; 0 for kinds not in the table (EXCON's injects among them).</summary>
    public static double DefaultIgnoreOf(MessageKind kind) => DefaultIgnore.GetValueOrDefault(kind);

    /// <summary>The chance of leaving it unanswered without an <c>ignore:</c> for the kind: silent, or not silent but ignoring the kind (independent).</summary>
    public static double Combined(double silence, MessageKind kind) => silence + (1 - silence) * DefaultIgnoreOf(kind);
}
