using System.Globalization;
using System.Net;
using Article42.Mesh.Hosting;
using Article42.Mesh.Hosting.Configuration;
using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>
/// k8s/: both overlays render with kubectl's kustomize; the silo container sets only keys the silo reads, and its
/// ports, probes, Service, labels, registry mount and grace period agree with the settings the silo takes from it;
/// and a real silo started with exactly those settings turns ready and serves its probes and gateway.
/// </summary>
public sealed class KubernetesManifestTests
{
    private const string Dev = "k8s/overlays/dev";
    private const string Prod = "k8s/overlays/prod";
    private static readonly string[] Kinds = ["Deployment", "HorizontalPodAutoscaler", "NetworkPolicy", "PodDisruptionBudget", "Service"];

    [Theory]
    [InlineData(Dev)]
    [InlineData(Prod)]
    public async Task The_committed_rendering_is_what_kubectl_kustomize_makes_of_the_overlay(string overlay)
    {
        // Skips only where kubectl is missing, the one reason .ci/allowed-skips accepts for it.
        var rendered = await Kubectl.KustomizeAsync(RepositoryFile.PathOf(overlay));

        Assert.True(
            rendered == RepositoryFile.Read(KubernetesSilo.RenderedPath(overlay)),
            $"{KubernetesSilo.RenderedPath(overlay)} is stale: re-render it with 'kubectl kustomize {overlay} > {KubernetesSilo.RenderedPath(overlay)}'");
    }

    [Theory]
    [InlineData(Dev, "a42-dev", 1, 2)]
    [InlineData(Prod, "a42", 3, 10)]
    public async Task Overlay_renders_the_silo_objects_in_its_namespace_with_the_autoscaler_owning_the_replica_count(string overlay, string ns, int min, int max)
    {
        var silo = await KubernetesSilo.RenderAsync(overlay);

        Assert.Equal(Kinds, silo.Objects.Select(o => o.Text("kind")).Order());
        Assert.All(silo.Objects, o => Assert.Equal(ns, o.Text("metadata", "namespace")));
        Assert.Null(silo.Deployment.At("spec", "replicas"));
        var hpa = silo.Object("HorizontalPodAutoscaler");
        Assert.Equal((min, max), (int.Parse(hpa.Text("spec", "minReplicas")), int.Parse(hpa.Text("spec", "maxReplicas"))));
        Assert.Equal(silo.Deployment.Text("metadata", "name"), hpa.Text("spec", "scaleTargetRef", "name"));
        Assert.Equal("cpu", Assert.Single(hpa.List("spec", "metrics")).Text("resource", "name"));
        var pdb = silo.Object("PodDisruptionBudget");
        Assert.Equal("1", pdb.Text("spec", "maxUnavailable"));
        foreach (var selector in new[] { pdb.Strings("spec", "selector", "matchLabels"), silo.Object("Service").Strings("spec", "selector"), silo.Object("NetworkPolicy").Strings("spec", "podSelector", "matchLabels") })
            Assert.Subset(silo.PodLabels.ToHashSet(), selector.ToHashSet());
        Assert.StartsWith("article42-mesh/silo:", silo.Container.Text("image"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prod_spreads_silos_across_nodes_and_zones_and_dev_does_not_constrain_them()
    {
        var prod = await KubernetesSilo.RenderAsync(Prod);
        var dev = await KubernetesSilo.RenderAsync(Dev);
        string[] topologies = ["kubernetes.io/hostname", "topology.kubernetes.io/zone"];

        Assert.Equal(topologies, prod.PodSpec.List("topologySpreadConstraints").Select(c => c.Text("topologyKey")).Order());
        var hard = Assert.Single(prod.PodSpec.List("topologySpreadConstraints"), c => c.Text("whenUnsatisfiable") == "DoNotSchedule");
        Assert.Equal("kubernetes.io/hostname", hard.Text("topologyKey"));
        Assert.Equal(topologies, prod.PodSpec.List("affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution").Select(t => t.Text("podAffinityTerm", "topologyKey")).Order());
        Assert.All(prod.PodSpec.List("topologySpreadConstraints"), c => Assert.Subset(prod.PodLabels.ToHashSet(), c.Strings("labelSelector", "matchLabels").ToHashSet()));
        Assert.Null(dev.PodSpec.At("topologySpreadConstraints"));
        Assert.Null(dev.PodSpec.At("affinity"));
    }

    [Theory]
    [InlineData(Dev)]
    [InlineData(Prod)]
    public async Task Silo_container_sets_only_keys_the_silo_reads_and_its_ports_probes_service_labels_and_grace_agree_with_them(string overlay)
    {
        var silo = await KubernetesSilo.RenderAsync(overlay);
        var example = SecretExample();
        var launch = silo.Launch("10.1.2.3", "a42-silo-0", (name, key) => example.TryGetValue((name, key), out var value) ? value : throw new InvalidOperationException($"secret.example.yaml has no {name}/{key}"));

        Assert.Empty(SiloSettingKeys.Unread(launch));
        var settings = launch.Settings();
        Assert.Equal(MeshProfile.Kubernetes, settings.Profile);
        Assert.Equal(IPAddress.Parse("10.1.2.3"), settings.Cluster.AdvertiseIp);
        Assert.Equal(IPAddress.Any, settings.Http.Address);
        Assert.Equal("a42-silo-0", settings.Pod.Name);
        Assert.Equal((settings.Cluster.SiloPort, settings.Cluster.GatewayPort, settings.Http.Port), (silo.ContainerPort("silo"), silo.ContainerPort("gateway"), silo.ContainerPort("http")));

        // Probes on paths the silo serves, at its HTTP port; a grace period the silo's shutdown fits in.
        Assert.Equal(MeshEndpoints.LivePath, silo.Container.Text("livenessProbe", "httpGet", "path"));
        Assert.Equal(MeshEndpoints.LivePath, silo.Container.Text("startupProbe", "httpGet", "path"));
        Assert.Equal(MeshEndpoints.ReadyPath, silo.Container.Text("readinessProbe", "httpGet", "path"));
        Assert.All(new[] { "livenessProbe", "startupProbe", "readinessProbe" }, probe => Assert.Equal(settings.Http.Port, silo.ContainerPort(silo.Container.Text(probe, "httpGet", "port"))));
        Assert.True(TimeSpan.FromSeconds(int.Parse(silo.PodSpec.Text("terminationGracePeriodSeconds"))) > settings.Shutdown.Timeout, "terminationGracePeriodSeconds must exceed Shutdown:Timeout");
        Assert.Equal(("true", settings.Http.Port.ToString(CultureInfo.InvariantCulture), "/metrics"),
            (silo.PodAnnotations["prometheus.io/scrape"], silo.PodAnnotations["prometheus.io/port"], silo.PodAnnotations["prometheus.io/path"]));

        // The gateway Service: the silo's gateway port, and headless (Orleans clients must reach the advertised pod IP).
        var service = silo.Object("Service");
        Assert.Equal("None", service.Text("spec", "clusterIP"));
        var port = (YamlMappingNode)Assert.Single(service.List("spec", "ports"));
        Assert.Equal(settings.Cluster.GatewayPort, int.Parse(port.Text("port")));
        Assert.Equal(settings.Cluster.GatewayPort, silo.ContainerPort(port.Text("targetPort")));

        // Orleans ids from the pod's labels; the registry ConfigMap mounted read-only where the silo reads its keys.
        Assert.Equal((settings.Cluster.ServiceId, settings.Cluster.ClusterId), (silo.PodLabels["orleans/serviceId"], silo.PodLabels["orleans/clusterId"]));
        var mount = (YamlMappingNode)Assert.Single(silo.Container.List("volumeMounts"), m => m.Text("mountPath") == settings.Paths.KeysDirectory);
        Assert.Equal("true", mount.Text("readOnly"));
        var volume = Assert.Single(silo.PodSpec.List("volumes"), v => v.Text("name") == mount.Text("name"));
        Assert.Equal("a42-registry", volume.Text("configMap", "name"));

        // Every Secret key the environment reads is in the example, and the example's Secret holds nothing unread.
        var variableSecrets = silo.SecretReferences.Select(r => r.Secret).ToHashSet();
        Assert.Equal(example.Keys.Where(k => variableSecrets.Contains(k.Secret)).Order(), silo.SecretReferences.Order());

        // Mutual TLS, bound to participants, from the mounted TLS Secret: the certificate, its key (given, or beside it
        // as the silo looks for it) and the CA are exactly that Secret's files in the example.
        var tls = Assert.IsType<TlsSettings>(settings.Tls);
        Assert.Equal((true, true), (tls.RequireClientCertificate, tls.BindParticipant));
        var (mountPath, readOnly, tlsSecret) = Assert.Single(silo.SecretMounts);
        Assert.Equal(("a42-silo-tls", true), (tlsSecret, readOnly));
        string[] files = [tls.Certificate, tls.CertificateKey ?? Path.ChangeExtension(tls.Certificate, ".key"), tls.CaCertificate];
        Assert.All(files, file => Assert.Equal(mountPath, Path.GetDirectoryName(file)));
        Assert.Equal(example.Keys.Where(k => k.Secret == tlsSecret).Select(k => k.Key).Order(), files.Select(Path.GetFileName).Order());
        Assert.Equal(example.Keys.Select(k => k.Secret).Distinct().Order(), variableSecrets.Append(tlsSecret).Order());
    }

    [Theory]
    [InlineData(Dev)]
    [InlineData(Prod)]
    public async Task Silo_pod_runs_unprivileged_on_a_read_only_root_with_no_api_token_or_service_links(string overlay)
    {
        var silo = await KubernetesSilo.RenderAsync(overlay);

        Assert.Equal("true", silo.PodSpec.Text("securityContext", "runAsNonRoot"));
        Assert.NotEqual("0", silo.PodSpec.Text("securityContext", "runAsUser"));
        Assert.Equal("RuntimeDefault", silo.PodSpec.Text("securityContext", "seccompProfile", "type"));
        Assert.Equal(("true", "false"), (silo.Container.Text("securityContext", "readOnlyRootFilesystem"), silo.Container.Text("securityContext", "allowPrivilegeEscalation")));
        Assert.Equal(["ALL"], silo.Container.List("securityContext", "capabilities", "drop").Select(c => ((YamlScalarNode)c).Value));
        var tmp = Assert.Single(silo.Container.List("volumeMounts"), m => m.Text("mountPath") == "/tmp");
        Assert.NotNull(Assert.Single(silo.PodSpec.List("volumes"), v => v.Text("name") == tmp.Text("name")).At("emptyDir"));
        Assert.Equal(("false", "false"), (silo.PodSpec.Text("automountServiceAccountToken"), silo.PodSpec.Text("enableServiceLinks")));
        Assert.All(new[] { "requests", "limits" }, r => Assert.NotNull(silo.Container.TextOrNull("resources", r, "memory")));
    }

    [Fact]
    public async Task Silo_started_with_the_containers_settings_turns_ready_serves_its_probes_metrics_and_gateway_and_stops_within_the_grace_period()
    {
        var silos = new[] { await KubernetesSilo.RenderAsync(Dev), await KubernetesSilo.RenderAsync(Prod) };
        await using var rehearsal = await DeploymentRehearsal.StartAsync();
        var example = SecretExample();
        var launches = silos.Select(s => (Silo: s, Launch: s.Launch("127.0.0.1", "a42-silo-test", (name, key) => example[(name, key)])));

        // The overlays change resources and scheduling, not the silo's settings: one start covers both.
        foreach (var (silo, launch) in launches.DistinctBy(l => string.Join('\n', [.. l.Launch.Args, .. l.Launch.Environment.OrderBy(e => e.Key).Select(e => $"{e.Key}={e.Value}")])))
        {
            // Each mounted Secret becomes a directory holding its example's files, made from the development PKI as
            // `kubectl create secret generic a42-silo-tls --from-file=tls.crt=keys/tls/silo.crt ...` would.
            var mounted = launch;
            foreach (var (mountPath, _, secret) in silo.SecretMounts)
            {
                var volume = rehearsal.NewDirectory($"{silo.Overlay.Replace('/', '-')}-{secret}");
                foreach (var (_, key) in example.Keys.Where(k => k.Secret == secret))
                    File.Copy(DevelopmentFile(rehearsal.Pki, secret, key), Path.Combine(volume, key));
                mounted = mounted.Remount(mountPath, volume);
            }

            await rehearsal.RunAsync(
                mounted.Set(ConfigKeys.KeysDirectory, rehearsal.Registry),
                "kubernetes",
                [.. new[] { "livenessProbe", "startupProbe", "readinessProbe" }.Select(p => silo.Container.Text(p, "httpGet", "path"))],
                silo.PodAnnotations["prometheus.io/path"],
                TimeSpan.FromSeconds(int.Parse(silo.PodSpec.Text("terminationGracePeriodSeconds"))));
        }
    }

    /// <summary>The keys and values of the Secrets of k8s/base/secret.example.yaml, by (Secret name, key).</summary>
    private static Dictionary<(string Secret, string Key), string> SecretExample()
    {
        var secrets = Yaml.Documents(RepositoryFile.Read("k8s/base/secret.example.yaml"));
        Assert.All(secrets, secret => Assert.Equal("Secret", secret.Text("kind")));
        return secrets
            .SelectMany(secret => secret.Strings("stringData").Select(e => (Key: (secret.Text("metadata", "name"), e.Key), e.Value)))
            .ToDictionary(e => e.Key, e => e.Value);
    }

    /// <summary>The file of the development PKI (<c>a42 keys init --tls</c>) that key <paramref name="key"/> of Secret <paramref name="secret"/> holds.</summary>
    private static string DevelopmentFile(TlsDirectory pki, string secret, string key) => (secret, key) switch
    {
        ("a42-silo-tls", "tls.crt") => pki.SiloCertificate,
        ("a42-silo-tls", "tls.key") => pki.Key(TlsDirectory.SiloName),
        ("a42-silo-tls", "ca.crt") => pki.AuthorityCertificate,
        _ => throw new InvalidOperationException($"the test has no development file for Secret {secret}, key {key}"),
    };
}
