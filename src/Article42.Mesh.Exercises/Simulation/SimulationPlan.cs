using System.Text;

namespace Article42.Mesh.Exercises;

/// <summary>
/// What every simulated participant will do in a scenario, decided in advance from the scenario and a seed:
/// the same seed gives the same plan, to the second. The runner performs it against the mesh; the report
/// judges what was observed against it.
/// </summary>
public sealed record SimulationPlan(Scenario Scenario, int Seed, ImmutableArray<PlannedAction> Actions)
{
    /// <summary>Plans the scenario with a seed.</summary>
    public static SimulationPlan Create(Scenario scenario, int seed) => new(scenario, seed, new Planner(scenario, seed).Run());

    /// <summary>Only the messages to send, in order.</summary>
    public IEnumerable<PlannedAction> Sends => Actions.Where(a => a.Type == PlannedActionType.Send);

    /// <summary>The action of a message ref.</summary>
    public PlannedAction? Find(string messageRef) => Actions.FirstOrDefault(a => a.Ref == messageRef);

    /// <summary>One line per action, payload included: two plans are the same plan exactly when these texts are equal.</summary>
    public string Describe() => Describe(Scenario, Seed, Actions);

    /// <summary>The text of <see cref="Describe()"/> for any list of decided actions (the reactive engine's too).</summary>
    internal static string Describe(Scenario scenario, int seed, ImmutableArray<PlannedAction> actions)
    {
        var text = new StringBuilder();
        text.Append(System.Globalization.CultureInfo.InvariantCulture, $"plan {scenario.Id} seed {seed}: {actions.Length} actions\n");
        foreach (var a in actions)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{a.Sequence:0000} {ScenarioTime.FormatOffset(a.At)} {a.Actor} {a.Type} {EnvelopeCodec.KindName(a.Kind)} {a.Ref} ");
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"to=[{string.Join(",", a.To)}] info=[{string.Join(",", a.Info)}] {EnvelopeCodec.WireName(a.Precedence)} {EnvelopeCodec.WireName(a.Label.Level)} ");
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"act={a.ActivationId} reply={a.InReplyToRef} trigger={a.TriggerRef} inject={a.InjectId} payload={a.Payload.Json}\n");
        }
        return text.ToString();
    }
}
