using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.Exercises;

/// <summary>
/// Reads a behaviour's <c>degraded</c> windows and refuses those a link cannot have: one that ends before it starts, a
/// delay of nothing, a loss above 0.9 (a link that loses more is down: an outage), and one that overlaps another degraded
/// window or an outage of the same participant (a link is down or degraded, with one delay at a time).
/// </summary>
internal sealed class DegradedReader(YamlFields yaml)
{
    private sealed record Span(TimeSpan From, TimeSpan To, bool Degraded, string Name, YamlNode? Node);

    public ImmutableArray<DegradedWindow> Read(YamlNode node, string where, ImmutableArray<TimeWindow> outages)
    {
        var result = ImmutableArray.CreateBuilder<DegradedWindow>();
        var spans = new List<Span>();
        var items = yaml.List(node, where);
        for (var i = 0; i < items.Count; i++)
        {
            var at = $"{where}[{i}]";
            if (yaml.Map(items[i], at, "from", "to", "delay", "loss") is not { } fields)
                continue;
            var from = yaml.Offset(yaml.Required(fields, items[i], "from", at), $"{at}.from");
            var to = yaml.Offset(yaml.Required(fields, items[i], "to", at), $"{at}.to");
            var delay = yaml.Duration(yaml.Required(fields, items[i], "delay", at), $"{at}.delay");
            var loss = YamlFields.Optional(fields, "loss") is { } lossNode ? yaml.Fraction(lossNode, $"{at}.loss", 0.9) : 0;
            if (delay == TimeSpan.Zero)
                yaml.Error(fields["delay"], ErrorCodes.ScenarioBadValue, $"{at}.delay must be longer than 00:00:00: a link that costs nothing is not degraded");
            if (from is not { } start || to is not { } end || delay is not { } cost || cost == TimeSpan.Zero || loss is not { } chance)
                continue;
            if (end <= start)
            {
                yaml.Error(items[i], ErrorCodes.ScenarioBadValue, $"{at} must end after it starts ({ScenarioTime.FormatOffset(start)} to {ScenarioTime.FormatOffset(end)})");
                continue;
            }
            result.Add(new DegradedWindow(start, end, cost, chance));
            spans.Add(new Span(start, end, true, $"{at} ({Window(start, end)})", items[i]));
        }
        RefuseOverlaps(spans.Concat(outages.Select(o => new Span(o.From, o.To, false, $"an outage ({Window(o.From, o.To)})", null))));
        return result.ToImmutable();
    }

    /// <summary>Outages given where degraded windows are inherited (a participant's outages under the default's degraded windows): refused at <paramref name="outagesNode"/> when they overlap.</summary>
    public void RefuseOverlaps(ImmutableArray<DegradedWindow> inherited, ImmutableArray<TimeWindow> outages, YamlNode outagesNode, string where) =>
        RefuseOverlaps(inherited.Select(d => new Span(d.From, d.To, true, $"the degraded window {Window(d.From, d.To)}", null))
            .Concat(outages.Select(o => new Span(o.From, o.To, false, $"{where} ({Window(o.From, o.To)})", outagesNode))));

    /// <summary>One sweep in start order (a scenario may list thousands of windows): each window is checked against the latest-ending one before it.</summary>
    private void RefuseOverlaps(IEnumerable<Span> spans)
    {
        Span? lastAny = null, lastDegraded = null;
        foreach (var span in spans.OrderBy(s => s.From).ThenBy(s => s.To))
        {
            var other = span.Degraded ? lastAny : lastDegraded;
            if (other is not null && span.From < other.To && (span.Node ?? other.Node) is { } node)
                yaml.Error(node, ErrorCodes.ScenarioBadValue, $"{(span.Node is null ? other.Name : span.Name)} overlaps {(span.Node is null ? span.Name : other.Name)}: a link is down or degraded, with one delay at a time");
            if (lastAny is null || span.To > lastAny.To)
                lastAny = span;
            if (span.Degraded && (lastDegraded is null || span.To > lastDegraded.To))
                lastDegraded = span;
        }
    }

    private static string Window(TimeSpan from, TimeSpan to) => $"{ScenarioTime.FormatOffset(from)} to {ScenarioTime.FormatOffset(to)}";
}
