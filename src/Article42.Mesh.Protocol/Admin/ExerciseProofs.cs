using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Article42.Mesh.Protocol;

/// <summary>
/// The operator requests that control an exercise through <see cref="IAdminGrain"/> (issue 22): their operation names and
/// the argument each proof signs. The argument names the exercise and, for STARTEX and an observation, the SHA-256 of
/// what is sent, so a proof made for one exercise or one record changes nothing but that.
/// </summary>
public static partial class ExerciseProofs
{
    /// <summary>STARTEX with the plan; the argument is <see cref="Argument(ExercisePlanRecord)"/>.</summary>
    public const string Startex = "exercise-startex";
    /// <summary>One message the exercise played; the argument is <see cref="Argument(string, ExerciseObservation)"/>.</summary>
    public const string Observe = "exercise-observe";
    /// <summary>PAUSEEX; the argument is the exercise id.</summary>
    public const string Pause = "exercise-pause";
    /// <summary>RESUMEEX; the argument is the exercise id.</summary>
    public const string Resume = "exercise-resume";
    /// <summary>ENDEX; the argument is the exercise id.</summary>
    public const string Endex = "exercise-endex";
    /// <summary>The exercise's status; the argument is the exercise id.</summary>
    public const string Status = "exercise-status";
    /// <summary>The exercise clock the mesh judges the exercise's traffic on; the argument is the exercise id.</summary>
    public const string Clock = "exercise-clock";

    /// <summary>At most this many injects in a plan given at STARTEX, and expected actions per inject.</summary>
    public const int MaxInjects = 1000;

    /// <summary>An exercise id as scenarios have it: a letter or digit, then up to 63 letters, digits, '.', '_' or '-'.</summary>
    public static bool IsExerciseId(string? exerciseId) => exerciseId is not null && ExerciseIdPattern().IsMatch(exerciseId);

    /// <summary>The argument of a STARTEX proof: the exercise id and the SHA-256 of the plan's fields.</summary>
    public static string Argument(ExercisePlanRecord plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var text = new StringBuilder();
        text.Append(Field(plan.ExerciseId)).Append(Field(plan.Name)).Append(Field(plan.Compression));
        foreach (var inject in plan.Injects.IsDefault ? [] : plan.Injects)
        {
            text.Append(Field(inject.Id)).Append(Field(inject.At.Ticks)).Append(Field(inject.Expected.IsDefault ? 0 : inject.Expected.Length));
            foreach (var expected in inject.Expected.IsDefault ? [] : inject.Expected)
                text.Append(Field(expected.Id)).Append(Field(expected.Actor)).Append(Field((int)expected.Kind)).Append(Field(expected.Within.Ticks));
        }
        return $"{plan.ExerciseId} {Digest(text)}";
    }

    /// <summary>The argument of an observation's proof: the exercise id and the SHA-256 of the observation's fields.</summary>
    public static string Argument(string exerciseId, ExerciseObservation observation)
    {
        ArgumentNullException.ThrowIfNull(observation);
        var text = new StringBuilder();
        text.Append(Field(observation.Ref)).Append(Field(observation.MessageId)).Append(Field((int)observation.Kind)).Append(Field(observation.From))
            .Append(Field(observation.At.Ticks)).Append(Field(observation.InjectId)).Append(Field(observation.RefusalCode));
        return $"{exerciseId} {Digest(text)}";
    }

    // Each field length-prefixed (null apart from empty), so that no two different records have the same text.
    private static string Field(string? value) => value is null ? "-;" : $"{value.Length}:{value};";

    private static string Field(long value) => Field(value.ToString(CultureInfo.InvariantCulture));

    private static string Digest(StringBuilder text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex ExerciseIdPattern();
}
