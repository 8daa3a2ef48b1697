using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Article42.Mesh.Grains;
using Article42.Mesh.Hosting.Configuration;
using Microsoft.Extensions.Configuration;

namespace Article42.Mesh.IntegrationTests;

/// <summary>
/// Every number and duration of the <c>Delivery</c> section has a range: a value outside it is refused at start with
/// A42-CFG-006 naming the key and the range, the limits themselves are accepted, and configuration.md states each
/// range as the code holds it.
/// </summary>
public sealed class DeliverySettingRangeTests
{
    private static readonly PropertyInfo[] Settings = [.. typeof(DeliveryOptions)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CanWrite && p.PropertyType != typeof(string) && p.PropertyType != typeof(bool))];

    [Theory]
    [InlineData("MaxBatch", "0", "1..10000")]
    [InlineData("MaxFetch", "10001", "1..10000")]
    [InlineData("RetryBaseDelay", "-00:00:01", "00:00:00.001..01:00:00")]
    [InlineData("CallTimeout", "00:00:00", "00:00:00.1..01:00:00")]
    [InlineData("SenderRatePerSecond", "0", "0.001..1000000000")]
    [InlineData("SenderBurst", "-5", "1..2147483647")]
    [InlineData("InboxCap", "0", "1..1000000000")]
    [InlineData("HeldBytesCap", "-1", "0..4294967296")]
    [InlineData("HeldBytesCap", "4294967297", "0..4294967296")]
    [InlineData("CheckpointDelay", "00:00:00", "00:00:00.001..01:00:00")]
    [InlineData("SessionLifetime", "30.00:00:00", "00:00:01..7.00:00:00")]
    public void A_value_outside_its_range_is_refused_naming_the_key_and_the_range(string setting, string value, string range)
    {
        var error = Assert.Single(Errors(setting, value));

        Assert.Equal(("A42-CFG-006", $"Delivery:{setting}"), (error.Code, error.Path));
        Assert.Equal($"'{value}' is outside its range {range}", error.Message);
    }

    [Fact]
    public void Both_limits_of_every_range_are_accepted_and_every_default_lies_within_its_range()
    {
        var defaults = new DeliveryOptions();
        foreach (var setting in Settings)
        {
            var range = RangeOf(setting);
            var (minimum, maximum) = Limits(range);
            Assert.Empty(Errors(setting.Name, minimum));
            Assert.Empty(Errors(setting.Name, maximum));
            Assert.True(range.IsValid(setting.GetValue(defaults)), $"the default of Delivery:{setting.Name} lies outside {OptionSections.Range(range)}");
        }
    }

    [Fact]
    public void Configuration_md_states_each_range_as_the_code_holds_it()
    {
        var table = File.ReadAllLines(RepositoryRoot.Of("docs/reference/configuration.md"));
        foreach (var setting in Settings)
        {
            var row = Assert.Single(table, line => line.StartsWith($"| `Delivery:{setting.Name}` |", StringComparison.Ordinal));
            Assert.Contains($"range `{OptionSections.Range(RangeOf(setting))}`", row, StringComparison.Ordinal);
        }
    }

    private static RangeAttribute RangeOf(PropertyInfo setting) =>
        setting.GetCustomAttribute<RangeAttribute>() ?? throw new Xunit.Sdk.XunitException($"Delivery:{setting.Name} has no range");

    private static (string Minimum, string Maximum) Limits(RangeAttribute range)
    {
        var spelled = OptionSections.Range(range);
        var separator = spelled.IndexOf("..", StringComparison.Ordinal);
        return (spelled[..separator], spelled[(separator + 2)..]);
    }

    private static IReadOnlyList<MeshError> Errors(string setting, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [$"Delivery:{setting}"] = value }).Build();
        var errors = new List<MeshError>();
        OptionSections.Check(configuration, errors);
        return errors;
    }
}
