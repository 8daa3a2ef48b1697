using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using Article42.Mesh.Grains;
using Microsoft.Extensions.Configuration;
using Orleans.Configuration;

namespace Article42.Mesh.Hosting.Configuration;

/// <summary>
/// Sections bound onto option classes are checked against those classes at start: the binder would otherwise
/// fail lazily, inside the first grain call that reads them, or silently ignore a misspelt key.
/// </summary>
internal static class OptionSections
{
    /// <summary>Each section the silo binds, and the option class it binds it onto.</summary>
    public static readonly (string Section, Type Options)[] Sections =
    [
        (ConfigSections.Delivery, typeof(DeliveryOptions)),
        (ConfigSections.Security, typeof(SecurityOptions)),
        (ConfigSections.Membership, typeof(ClusterMembershipOptions)),
        (ConfigSections.Connections, typeof(Connections.GatewayConnectionOptions)),
    ];

    public static void Check(IConfiguration configuration, List<MeshError> errors)
    {
        foreach (var (name, type) in Sections)
        {
            foreach (var child in configuration.GetSection(name).GetChildren())
            {
                var property = type.GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null || !property.CanWrite)
                {
                    errors.Add(new MeshError(ConfigErrorCodes.BadValue, child.Path, $"not a setting of {name}; known: {string.Join(", ", Settable(type))}"));
                    continue;
                }

                if (child.Value is { } value && Describe(property, value) is { } problem)
                    errors.Add(new MeshError(ConfigErrorCodes.BadValue, child.Path, problem));
            }
        }
    }

    private static IEnumerable<string> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).Order(StringComparer.Ordinal);

    /// <summary>
    /// Null when <paramref name="value"/> converts to the property's type as the configuration binder would convert it,
    /// and lies within the property's <see cref="RangeAttribute"/> when it has one.
    /// </summary>
    private static string? Describe(PropertyInfo property, string value)
    {
        var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (target == typeof(string))
            return null;
        try
        {
            var converted = TypeDescriptor.GetConverter(target).ConvertFromInvariantString(value);
            if (converted is not null && property.GetCustomAttribute<RangeAttribute>() is { } range && !range.IsValid(converted))
                return $"'{value}' is outside its range {Range(range)}";
            if (converted is not null && (!target.IsEnum || Enum.IsDefined(target, converted)))
                return null;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or NotSupportedException or OverflowException)
        {
        }

        return $"'{value}' is not {Expected(target)}";
    }

    /// <summary>A setting's range as its documentation writes it: <c>MIN..MAX</c>, in configuration's own spelling.</summary>
    public static string Range(RangeAttribute range)
    {
        // The attribute converts its limits to the property's type on first use; until then they are the strings it was given.
        range.IsValid(null);
        return $"{Spelled(range.Minimum)}..{Spelled(range.Maximum)}";
    }

    private static string Spelled(object limit) => limit switch
    {
        TimeSpan duration => WithoutTrailingZeros(duration.ToString("c", CultureInfo.InvariantCulture)),
        _ => Convert.ToString(limit, CultureInfo.InvariantCulture)!,
    };

    /// <summary><c>00:00:00.0010000</c> as <c>00:00:00.001</c>; a duration without fractions of a second as it is.</summary>
    private static string WithoutTrailingZeros(string duration) =>
        duration.IndexOf('.', duration.LastIndexOf(':')) < 0 ? duration : duration.TrimEnd('0');

    private static string Expected(Type type) =>
        type == typeof(TimeSpan) ? "a duration (hh:mm:ss)"
        : type == typeof(bool) ? "true or false"
        : type == typeof(int) || type == typeof(long) ? "a whole number"
        : type == typeof(double) ? "a number"
        : type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type))}"
        : $"a {type.Name}";
}
