using System.Text.RegularExpressions;

namespace Article42.Mesh.Protocol;

/// <summary>
/// Collects every broken rule of one envelope. Bodies report through the same small vocabulary of checks
/// so that one rule always yields the same code and sentence, wherever it applies.
/// </summary>
public sealed partial class ValidationContext(ParticipantRegistry registry, DateTimeOffset now)
{
    private readonly List<MeshError> _errors = [];

    /// <summary>The registry addressees and senders are checked against.</summary>
    public ParticipantRegistry Registry { get; } = registry;
    /// <summary>The mesh's clock at validation.</summary>
    public DateTimeOffset Now { get; } = now;
    /// <summary>Every broken rule so far.</summary>
    public IReadOnlyList<MeshError> Errors => _errors;

    /// <summary>Records a broken rule.</summary>
    public void Add(string code, string path, string message) => _errors.Add(new MeshError(code, path, message));

    /// <summary>A required text: present, not blank, at most <paramref name="maxLength"/> characters.</summary>
    public void RequireText(string? value, string path, int maxLength = Limits.LineText)
    {
        if (string.IsNullOrWhiteSpace(value))
            Add(ErrorCodes.BodyMissingValue, path, "a value is required");
        else
            OptionalText(value, path, maxLength);
    }

    /// <summary>
    /// An optional text: when present, at most <paramref name="maxLength"/> characters, and none of the characters
    /// that hide or disguise text (<see cref="ForbiddenCharacterAt"/>).
    /// </summary>
    public void OptionalText(string? value, string path, int maxLength = Limits.LineText)
    {
        if (value is null)
            return;
        if (value.Length > maxLength)
            Add(ErrorCodes.TextTooLong, path, $"text of {value.Length} characters is longer than {maxLength}");
        else if (ForbiddenCharacterAt(value) is { } at)
            Add(ErrorCodes.ForbiddenCharacter, path, $"character {at + 1} is U+{(int)value[at]:X4}: control characters (but tab and line breaks), bidirectional overrides and isolates, and lone surrogates are not allowed in texts");
    }

    /// <summary>
    /// The index of the first character a text may not hold, or null: C0 controls but tab, line feed and carriage
    /// return (NUL included), DEL, C1 controls, and the bidirectional embeddings, overrides and isolates U+202A-U+202E
    /// and U+2066-U+2069, which make a text read differently from what it says (CVE-2021-42574, "Trojan Source"); and a
    /// lone surrogate, which no UTF-8 text (and so no canonical form) can carry.
    /// </summary>
    public static int? ForbiddenCharacterAt(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is (< ' ' and not ('\t' or '\n' or '\r')) or (>= '\u007F' and <= '\u009F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
                return i;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                i++;
            else if (char.IsSurrogate(c))
                return i;
        }
        return null;
    }

    /// <summary>A required value of a value type (a time, a number) that JSON may leave out.</summary>
    public void Require<T>(T? value, string path) where T : struct
    {
        if (value is null)
            Add(ErrorCodes.BodyMissingValue, path, "a value is required");
    }

    /// <summary>An integer within an inclusive range.</summary>
    public void InRange(long? value, long min, long max, string path)
    {
        if (value is { } v && (v < min || v > max))
            Add(ErrorCodes.BodyOutOfRange, path, $"{v} is outside {min}..{max}");
    }

    /// <summary>An enum value the catalogue defines (JSON only produces defined names; code may not).</summary>
    public void Defined<TEnum>(TEnum? value, string path) where TEnum : struct, Enum
    {
        if (value is { } v && !Enum.IsDefined(v))
            Add(ErrorCodes.UndefinedValue, path, $"{Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture)} is not a {typeof(TEnum).Name} value");
    }

    /// <summary>A resource category code of docs/design/domain.md §7: dotted upper-case segments under a known root.</summary>
    public void CategoryCode(string? code, string path)
    {
        if (string.IsNullOrWhiteSpace(code))
            Add(ErrorCodes.BodyMissingValue, path, "a category code is required");
        else if (!ResourceCategories.IsValid(code))
            Add(ErrorCodes.BodyBadCategory, path, $"'{Truncate(code)}' is not a resource category code (e.g. MED.EMT2, CYB.CRRT)");
    }

    /// <summary>A reference to another message: a ULID.</summary>
    public void MessageReference(string? id, string path)
    {
        if (id is not null && !Ulid.IsValid(id))
            Add(ErrorCodes.BadMessageId, path, $"'{Truncate(id)}' is not a ULID");
    }

    /// <summary>A participant id (never a group) that the registry knows.</summary>
    public void KnownParticipant(string? id, string path)
    {
        if (id is null)
            return;
        if (!ParticipantRegistry.IsWellFormedId(id))
            Add(ErrorCodes.BadParticipantId, path, $"'{Truncate(id)}' is not a participant id ([A-Z][A-Z0-9-]{{1,15}})");
        else if (!Registry.Contains(id))
            Add(ErrorCodes.UnknownParticipant, path, $"unknown participant '{id}'");
    }

    /// <summary>A list within the item limit, each item checked by <paramref name="each"/> at its indexed path.</summary>
    public void Items<T>(ImmutableArray<T> items, string path, Action<T, string>? each = null, int max = Limits.ListItems)
    {
        if (items.IsDefault)
            return;
        if (items.Length > max)
        {
            Add(ErrorCodes.TooManyItems, path, $"{items.Length} items is more than {max}");
            return;
        }
        if (each is null)
            return;
        for (var i = 0; i < items.Length; i++)
            each(items[i], $"{path}[{i}]");
    }

    /// <summary>A list that must hold at least one item.</summary>
    public void RequireItems<T>(ImmutableArray<T> items, string path, Action<T, string>? each = null, int max = Limits.ListItems)
    {
        if (items.IsDefaultOrEmpty)
            Add(ErrorCodes.BodyMissingValue, path, "at least one item is required");
        else
            Items(items, path, each, max);
    }

    /// <summary>A short token (handling marks, topics, unit): upper or lower case letters, digits, '-', '_', '.'.</summary>
    public void Token(string? value, string path)
    {
        if (value is null)
            return;
        if (!TokenPattern().IsMatch(value))
            Add(ErrorCodes.BadToken, path, $"'{Truncate(value)}' is not a token (letters, digits, '-', '_', '.', ':'; 1-64 characters)");
    }

    /// <summary>A rule between two fields of a body that does not hold.</summary>
    public void Inconsistent(string path, string sentence) => Add(ErrorCodes.BodyInconsistent, path, sentence);

    /// <summary>A value quoted in an error sentence, cut to 40 characters so hostile input cannot flood a log.</summary>
    public static string Truncate(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}\\z")]
    private static partial Regex TokenPattern();
}
