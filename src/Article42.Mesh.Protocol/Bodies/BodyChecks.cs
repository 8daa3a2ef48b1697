namespace Article42.Mesh.Protocol;

/// <summary>
/// Checks that recur across bodies, composed only of <see cref="ValidationContext"/>'s vocabulary so that one
/// rule keeps one code and one sentence wherever it applies.
/// </summary>
internal static class BodyChecks
{
    /// <summary>Largest quantity on any resource line; larger numbers are typing errors, not requests.</summary>
    public const int MaxQuantity = 1_000_000;

    /// <summary>Longest notice-to-move or readiness: one year, in hours.</summary>
    public const int MaxNoticeHours = 8760;

    /// <summary>Longest exercise offset or deadline: one year, in seconds.</summary>
    public const int MaxExerciseSeconds = 31_536_000;

    /// <summary>Most lines in one RFA or RFA_AMEND (UCPM requests stay well below).</summary>
    public const int MaxRfaLines = 100;

    /// <summary>Most people or lines a status or close-out can count.</summary>
    public const int MaxCount = 100_000;

    /// <summary>A required identifier (offer, RFA, line, unit): present and a token.</summary>
    public static void RequireToken(this ValidationContext context, string? value, string path)
    {
        // The token pattern bounds the length itself; checking ShortText as well would report long ids twice.
        if (string.IsNullOrWhiteSpace(value))
            context.RequireText(value, path);
        else
            context.Token(value, path);
    }

    /// <summary>A required reference to another message: present and a ULID.</summary>
    public static void RequireMessageReference(this ValidationContext context, string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
            context.RequireText(value, path);
        else
            context.MessageReference(value, path);
    }

    /// <summary>A required participant id that the registry knows.</summary>
    public static void RequireParticipant(this ValidationContext context, string? value, string path)
    {
        if (string.IsNullOrWhiteSpace(value))
            context.RequireText(value, path);
        else
            context.KnownParticipant(value, path);
    }

    /// <summary>A required enum value that the catalogue defines.</summary>
    public static void RequireEnum<TEnum>(this ValidationContext context, TEnum? value, string path) where TEnum : struct, Enum
    {
        context.Require(value, path);
        context.Defined(value, path);
    }

    /// <summary>A required integer within an inclusive range.</summary>
    public static void RequireInRange(this ValidationContext context, long? value, long min, long max, string path)
    {
        context.Require(value, path);
        context.InRange(value, min, max, path);
    }

    /// <summary>A required nested record; returns it when present so that its own rules can follow.</summary>
    public static T? RequirePresent<T>(this ValidationContext context, T? value, string path) where T : class
    {
        // JSON may carry null for an object, also inside a list; reported like any missing value.
        context.Require(value is null ? default(bool?) : true, path);
        return value;
    }

    /// <summary>A list of resource category codes (docs/design/domain.md §7).</summary>
    public static void CategoryCodes(this ValidationContext context, ImmutableArray<string> codes, string path) =>
        context.Items(codes, path, context.CategoryCode);

    /// <summary>A list of free texts, each present and at most <paramref name="maxLength"/> characters.</summary>
    public static void Texts(this ValidationContext context, ImmutableArray<string> texts, string path, int maxLength) =>
        context.Items(texts, path, (text, itemPath) => context.RequireText(text, itemPath, maxLength));

    /// <summary>A later time that must not lie before an earlier one (periods, departure and arrival).</summary>
    public static void NotBefore(this ValidationContext context, DateTimeOffset? later, DateTimeOffset? earlier, string path, string sentence)
    {
        if (later < earlier)
            context.Inconsistent(path, sentence);
    }
}
