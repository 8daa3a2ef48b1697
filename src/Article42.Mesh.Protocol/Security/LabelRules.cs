using System.Text.RegularExpressions;

namespace Article42.Mesh.Protocol;

/// <summary>Well-formedness of a security label (docs/design/domain.md §4.3).</summary>
internal static partial class LabelRules
{
    public static void Check(SecurityLabel? label, string path, ValidationContext context)
    {
        if (label is null)
        {
            context.Add(ErrorCodes.MissingValue, path, "every message carries a security label");
            return;
        }
        if (!PolicyPattern().IsMatch(label.Policy ?? ""))
            context.Add(ErrorCodes.BadLabel, $"{path}.policy", $"'{ValidationContext.Truncate(label.Policy ?? "")}' is not a label policy (EU, NATO or NAT:<cc>)");
        context.Defined<Classification>(label.Level, $"{path}.level");
        context.Items(label.ReleasableTo, $"{path}.releasable_to", (name, itemPath) =>
        {
            if (!ParticipantGroups.IsGroup(name))
                context.KnownParticipant(name, itemPath);
        });
        context.Items(label.Caveats, $"{path}.caveats", context.Token);
        context.KnownParticipant(label.Originator, $"{path}.originator");
    }

    [GeneratedRegex("^(EU|NATO|NAT:[A-Z]{2})\\z")]
    private static partial Regex PolicyPattern();
}
