using System.Globalization;

namespace Article42.Mesh.Faults.Network;

/// <summary>
/// Every name a run gives the network (namespaces, bridge, veths) starts with <c>a42n</c>, then the run's id: two
/// random characters and the harness's process id in base 36, then <c>-</c>. Short, because an interface name has 15
/// characters at most; the process id tells a killed run's leftovers (its process gone) from a live run's names.
/// </summary>
public sealed record RunPrefix(string Id)
{
    public const string Family = "a42n";
    private const string Digits = "0123456789abcdefghijklmnopqrstuvwxyz";

    /// <summary><c>a42n{id}-</c>: what every name of this run starts with.</summary>
    public string Value => $"{Family}{Id}-";

    public static RunPrefix ForThisProcess() => Of(Environment.ProcessId);

    /// <summary>A fresh run id for process <paramref name="pid"/> (tests plant leftovers of a process that no longer runs).</summary>
    public static RunPrefix Of(int pid) =>
        new($"{Digits[Random.Shared.Next(36)]}{Digits[Random.Shared.Next(36)]}{Base36(pid)}");

    /// <summary>The run a name of the family belongs to, or null for a name that is not the suite's.</summary>
    public static RunPrefix? Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        if (!name.StartsWith(Family, StringComparison.Ordinal) || dash < Family.Length + 3)
            return null;
        var id = name[Family.Length..dash];
        return id.All(Digits.Contains) ? new RunPrefix(id) : null;
    }

    public int OwnerPid => Id[2..].Aggregate(0, (value, digit) => (value * 36) + Digits.IndexOf(digit, StringComparison.Ordinal));

    /// <summary>The process that made these names is gone: they are a killed run's leftovers.</summary>
    public bool OwnerGone => OwnerPid != Environment.ProcessId && !Directory.Exists($"/proc/{OwnerPid.ToString(CultureInfo.InvariantCulture)}");

    private static string Base36(int value)
    {
        var digits = new Stack<char>();
        do
        {
            digits.Push(Digits[value % 36]);
            value /= 36;
        }
        while (value > 0);
        return new string([.. digits]);
    }
}
