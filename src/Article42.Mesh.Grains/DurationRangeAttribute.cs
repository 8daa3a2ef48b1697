using System.ComponentModel.DataAnnotations;

namespace Article42.Mesh.Grains;

/// <summary>The range of a duration setting, its limits written as configuration writes durations (<c>d.hh:mm:ss.fff</c>, invariant).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DurationRangeAttribute : RangeAttribute
{
    public DurationRangeAttribute(string minimum, string maximum)
        : base(typeof(TimeSpan), minimum, maximum)
    {
        ParseLimitsInInvariantCulture = true;
        ConvertValueInInvariantCulture = true;
    }
}
