using System.Globalization;

namespace Article42.Mesh.Exercises;

/// <summary>Culture-invariant formatting shared by the writers.</summary>
internal static class Fmt
{
    public static string T(long? seconds) => seconds is { } s ? ScenarioTime.FormatOffset(TimeSpan.FromSeconds(s)) : "—";

    public static string D(long? seconds) => seconds is { } s ? ScenarioTime.FormatDuration(TimeSpan.FromSeconds(s)) : "—";

    public static string Percent(decimal ratio) => (ratio * 100m).ToString("0.#", CultureInfo.InvariantCulture) + " %";

    public static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Kind(MessageKind kind) => EnvelopeCodec.KindName(kind);

    public static string Wire<TEnum>(TEnum value) where TEnum : struct, Enum => EnvelopeCodec.WireName(value);

    /// <summary>Gap kinds as words: <c>ReceiptMissing</c> → <c>receipt missing</c>.</summary>
    public static string Words(GapKind kind) =>
        string.Concat(kind.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>The mark of a timing-dependent figure in report.md and report.html.</summary>
    public const string TimingMark = "[timing-dependent]";

    /// <summary>" [timing-dependent]" after a section title whose figure depends on the mesh's timing; empty otherwise.</summary>
    public static string Mark(ReportFigures figures, string figure) => figures.DependsOnTiming(figure) ? " " + TimingMark : "";
}
