using Article42.Mesh.Hosting.Configuration;

namespace Article42.Mesh.Hosting.Tls;

/// <summary>Reads the silo's TLS files at start (a bad one stops the silo with exit 2, naming its key) and prints the <c>tls</c> start-up line (and <c>revocations</c> when a list revokes something).</summary>
internal static class SiloTls
{
    private static readonly TimeSpan Soon = TimeSpan.FromDays(30);

    public static SiloTlsMaterial? Prepare(MeshSettings settings, TextWriter output)
    {
        if (settings.Tls is not { } tls)
        {
            output.WriteLine("tls off");
            return null;
        }

        var (material, errors) = SiloTlsMaterial.Load(tls, DateTime.UtcNow);
        if (material is null)
            throw new ConfigurationFailedException(errors);
        var left = material.Certificate.NotAfter.ToUniversalTime() - DateTime.UtcNow;
        var warning = left < Soon ? $" (expires in {left.TotalDays:0} days)" : "";
        var clients = tls.RequireClientCertificate ? "required" : "optional";
        output.WriteLine($"tls {tls.Certificate} {material.Certificate.Subject} until {material.Certificate.NotAfter.ToUniversalTime():yyyy-MM-dd}{warning}; client certificates {clients}");
        if (material.Revocations is { Lists.IsEmpty: false } revocations)
            output.WriteLine($"revocations {revocations.Path}: {revocations.Lists.Sum(l => l.Serials.Count)} certificates revoked{Due(revocations.NextUpdate)}");
        return material;
    }

    /// <summary>An overdue list is used all the same (fail-open): the start-up line says so, as the log and the gauge do later.</summary>
    private static string Due(DateTimeOffset? next) => next switch
    {
        null => "",
        { } due when due < DateTimeOffset.UtcNow => $", OVERDUE since {due.UtcDateTime:yyyy-MM-dd HH:mm} UTC (still used; issue a new list)",
        { } due => $", next update {due.UtcDateTime:yyyy-MM-dd HH:mm} UTC",
    };
}
