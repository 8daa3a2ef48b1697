using System.Xml.Linq;

namespace Article42.Mesh.Exercises;

/// <summary>The report's four charts as inline SVG: timeline, acknowledgement latency, RFA coverage, decision latency.</summary>
internal static class Charts
{
    private const double Left = 130, Width = 640, Right = 30;

    /// <summary>One lane per player; a dot per message it sent, coloured by what it is.</summary>
    public static XElement Timeline(ReportFigures f, IEnumerable<string> players)
    {
        var lanes = players.ToList();
        var height = 40 + lanes.Count * 16 + 30;
        var content = new List<XElement>();
        for (var i = 0; i < lanes.Count; i++)
        {
            var y = 30 + i * 16;
            content.Add(Svg.Text(Left - 8, y + 4, lanes[i], "label", "end"));
            content.Add(Svg.Line(Left, y, Left + Width, y, "lane"));
            foreach (var entry in f.Timeline.Where(e => e.Participant == lanes[i]))
            {
                content.Add(Svg.Circle(X(entry.Seconds, f), y, 3.5, Css(entry.Kind),
                    $"{Fmt.T(entry.Seconds)} {entry.Participant} {Fmt.Kind(entry.Kind)} {entry.Ref} ({Fmt.Wire(entry.Precedence)})"));
            }
        }
        content.AddRange(Svg.TimeAxis(Left, Width, 30 + lanes.Count * 16, f.Exercise.EndexSeconds));
        return Svg.Root("timeline", "Messages sent per participant over scenario time", Left + Width + Right, height, content);
    }

    /// <summary>Per participant, its worst receipt latency as a share of the SLO; the line marks the SLO, red bars missed it.</summary>
    public static XElement AckLatency(ReportFigures f)
    {
        var rows = f.Acknowledgements.GroupBy(a => a.Participant).Select(g =>
        {
            var worst = g.OrderByDescending(a => a.Missed.Length > 0 ? double.MaxValue : (double)(a.MaxSeconds ?? 0) / a.SloSeconds).First();
            return (Participant: g.Key, Figure: worst, Ratio: worst.Missed.Length > 0 || worst.MaxSeconds is null ? (double?)null : (double)worst.MaxSeconds.Value / worst.SloSeconds);
        }).ToList();
        const double scale = 2.0;
        var content = new List<XElement> { Svg.Line(Left + Width / scale, 20, Left + Width / scale, 24 + rows.Count * 16, "slo"), Svg.Text(Left + Width / scale, 14, "SLO", "tick", "middle") };
        for (var i = 0; i < rows.Count; i++)
        {
            var (participant, figure, ratio) = rows[i];
            var y = 24 + i * 16;
            content.Add(Svg.Text(Left - 8, y + 10, participant, "label", "end"));
            var tip = $"{participant} {Fmt.Wire(figure.Precedence)}: worst {Fmt.D(figure.MaxSeconds)} against {Fmt.D(figure.SloSeconds)}; {figure.Received} of {figure.Owed} receipts, {figure.OnTime} on time";
            content.Add(ratio is { } r
                ? Svg.Rect(Left, y, Width * Math.Min(r, scale) / scale, 12, r > 1 ? "bar late" : "bar ok", tip)
                : Svg.Rect(Left, y, Width, 12, "bar missing", tip + "; missing " + string.Join(", ", figure.Missed)));
        }
        return Svg.Root("ack-latency", "Worst acknowledgement latency per participant against the receipt SLO", Left + Width + Right, 40 + rows.Count * 16, content);
    }

    /// <summary>Each RFA's coverage (accepted over requested) as a step line over scenario time.</summary>
    public static XElement Coverage(ReportFigures f)
    {
        const double top = 20, height = 180;
        var content = new List<XElement> { Svg.Line(Left, top + height, Left + Width, top + height, "axis"), Svg.Line(Left, top, Left, top + height, "axis"),
            Svg.Text(Left - 8, top + 4, "100 %", "tick", "end"), Svg.Text(Left - 8, top + height, "0 %", "tick", "end") };
        var series = 0;
        foreach (var rfa in f.Rfas)
        {
            var points = new List<(double, double)>();
            var last = 0m;
            foreach (var point in rfa.Coverage)
            {
                points.Add((X(point.Seconds, f), Y(last)));
                points.Add((X(point.Seconds, f), Y(point.Ratio)));
                last = point.Ratio;
            }
            points.Add((X(f.Exercise.EndexSeconds, f), Y(last)));
            content.Add(Svg.Path(points, $"series s{series % 4}", $"{rfa.RfaId} ({rfa.ActivationId}): {Fmt.Percent(rfa.CoverageAtEndex)} at ENDEX"));
            content.Add(Svg.Text(Left + Width + 4, Y(last) + 4, rfa.RfaId, $"tick s{series++ % 4}"));
        }
        content.AddRange(Svg.TimeAxis(Left, Width, top + height, f.Exercise.EndexSeconds));
        return Svg.Root("rfa-coverage", "RFA coverage over scenario time", Left + Width + 80, top + height + 30, content);

        double Y(decimal ratio) => top + height - (double)ratio * height;
    }

    /// <summary>Per offer: decision latency, and after it the time to commitment.</summary>
    public static XElement DecisionLatency(ReportFigures f)
    {
        var offers = f.Offers.ToList();
        var longest = Math.Max(60L, offers.Select(o => (o.DecisionLatencySeconds ?? 0) + (o.CommitLatencySeconds ?? 0)).DefaultIfEmpty(0).Max());
        var content = new List<XElement>();
        for (var i = 0; i < offers.Count; i++)
        {
            var o = offers[i];
            var y = 10 + i * 16;
            content.Add(Svg.Text(Left - 8, y + 10, $"{o.OfferId}", "label", "end"));
            var decision = (double)(o.DecisionLatencySeconds ?? 0) / longest * Width;
            content.Add(o.DecisionLatencySeconds is null
                ? Svg.Rect(Left, y, Width, 12, "bar missing", $"{o.OfferId} from {o.Offerer}: not decided by ENDEX")
                : Svg.Rect(Left, y, decision, 12, "bar decision", $"{o.OfferId} from {o.Offerer}: {(o.Decision is { } d ? Fmt.Wire(d) : "")} after {Fmt.D(o.DecisionLatencySeconds)}"));
            if (o.CommitLatencySeconds is { } commit)
                content.Add(Svg.Rect(Left + decision, y, (double)commit / longest * Width, 12, "bar commit", $"{o.OfferId}: committed {Fmt.D(commit)} after the decision"));
        }
        return Svg.Root("decision-latency", "Decision latency and time to commitment per offer", Left + Width + Right, 20 + offers.Count * 16, content);
    }

    private static double X(long seconds, ReportFigures f) => Left + Width * Math.Clamp(seconds, 0, f.Exercise.EndexSeconds) / Math.Max(1, f.Exercise.EndexSeconds);

    private static string Css(MessageKind kind) => kind switch
    {
        MessageKind.Receipt or MessageKind.ActionAck or MessageKind.InvocationAck => "dot ack",
        MessageKind.Inject => "dot inject",
        MessageKind.Offer or MessageKind.OfferDecision or MessageKind.Commitment => "dot offer",
        MessageKind.Invocation or MessageKind.Rfa or MessageKind.Termination => "dot key",
        _ => "dot other",
    };
}
