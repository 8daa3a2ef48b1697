using System.Reflection;

namespace Article42.Mesh.Gateway.Tests;

/// <summary>
/// A national gateway is an untrusted client (issue 16): nothing in the SDK lets it hold the membership Redis or the
/// journal's PostgreSQL, neither as an option nor as a dependency it could be configured through.
/// </summary>
public sealed class NoStoreCredentialTests
{
    private static readonly string[] StoreWords = ["Redis", "Postgres", "Npgsql", "ConnectionString", "Membership"];

    public static TheoryData<Type> OptionTypes => [typeof(MeshGatewayOptions), typeof(MeshOperatorOptions), typeof(MeshClientOptions), typeof(MeshConnection)];

    [Theory]
    [MemberData(nameof(OptionTypes))]
    public void The_options_hold_no_member_naming_a_cluster_store(Type options)
    {
        var members = Members(options, []).ToList();
        Assert.Contains(members, m => m.EndsWith(".Endpoints", StringComparison.Ordinal));
        Assert.DoesNotContain(members, m => StoreWords.Any(word => m.Contains(word, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void The_SDK_references_no_Redis_or_PostgreSQL_client()
    {
        var referenced = typeof(MeshGateway).Assembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToList();
        Assert.Contains("Orleans.Core", referenced);
        Assert.DoesNotContain(referenced, name => name.Contains("Redis", StringComparison.OrdinalIgnoreCase) || name.Contains("Npgsql", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Every public property of <paramref name="type"/>, and of the SDK's own types it holds, as Type.Property paths.</summary>
    private static IEnumerable<string> Members(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type))
            yield break;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            yield return $"{type.Name}.{property.Name}";
            var held = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (held.Assembly == typeof(MeshGateway).Assembly)
                foreach (var member in Members(held, seen))
                    yield return member;
        }
    }
}
