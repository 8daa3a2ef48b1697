namespace Article42.Mesh.Exercises;

/// <summary>Collects gaps from the judges and numbers them in a stable order (by kind, then subject, then text).</summary>
internal sealed class GapList
{
    private readonly List<(GapKind Kind, string Subject, long? Deadline, string Text)> _gaps = [];

    public void Add(GapKind kind, string subject, long? deadline, string text) => _gaps.Add((kind, subject, deadline, text));

    public ImmutableArray<Gap> Numbered() =>
    [
        .. _gaps.OrderBy(g => g.Kind).ThenBy(g => g.Subject, StringComparer.Ordinal).ThenBy(g => g.Text, StringComparer.Ordinal)
            .Select((g, i) => new Gap(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"G{i + 1:00}"), g.Kind, g.Subject, g.Deadline, g.Text)),
    ];
}
