using YamlDotNet.RepresentationModel;

namespace Article42.Mesh.IntegrationTests.Deployment;

/// <summary>The objects of one rendered overlay, its silo Deployment and container, and the launch the kubelet makes of them.</summary>
public sealed class KubernetesSilo
{
    public KubernetesSilo(string overlay, IReadOnlyList<YamlMappingNode> objects)
    {
        Overlay = overlay;
        Objects = objects;
        Deployment = Object("Deployment");
        Container = Assert.Single(Deployment.List("spec", "template", "spec", "containers").Cast<YamlMappingNode>(), c => c.Text("name") == "silo");
    }

    public string Overlay { get; }

    public IReadOnlyList<YamlMappingNode> Objects { get; }

    public YamlMappingNode Deployment { get; }

    public YamlMappingNode PodSpec => Deployment.Map("spec", "template", "spec");

    public YamlMappingNode Container { get; }

    public IReadOnlyDictionary<string, string> PodLabels => Deployment.Strings("spec", "template", "metadata", "labels");

    public IReadOnlyDictionary<string, string> PodAnnotations => Deployment.Strings("spec", "template", "metadata", "annotations");

    /// <summary>
    /// The overlay as committed in <c>k8s/rendered/NAME.yaml</c> (what <c>kubectl kustomize k8s/overlays/NAME</c> makes of
    /// it; <see cref="RenderedPath"/>), so the checks run wherever the tests run, kubectl or not.
    /// </summary>
    public static Task<KubernetesSilo> RenderAsync(string overlay) =>
        Task.FromResult(new KubernetesSilo(overlay, Yaml.Documents(RepositoryFile.Read(RenderedPath(overlay)))));

    /// <summary>Where the rendering of <paramref name="overlay"/> (<c>k8s/overlays/NAME</c>) is committed.</summary>
    public static string RenderedPath(string overlay) => $"k8s/rendered/{Path.GetFileName(overlay)}.yaml";

    /// <summary>The one object of <paramref name="kind"/>.</summary>
    public YamlMappingNode Object(string kind) => Assert.Single(Objects, o => o.Text("kind") == kind);

    /// <summary>The container port a probe or Service names (by port name or number).</summary>
    public int ContainerPort(string nameOrNumber) => int.TryParse(nameOrNumber, out var number)
        ? number
        : int.Parse(Assert.Single(Container.List("ports").Cast<YamlMappingNode>(), p => p.TextOrNull("name") == nameOrNumber).Text("containerPort"));

    /// <summary>Every (Secret, key) the container's environment reads.</summary>
    public IEnumerable<(string Secret, string Key)> SecretReferences => Container.List("env")
        .Select(e => e.At("valueFrom", "secretKeyRef"))
        .OfType<YamlMappingNode>()
        .Select(r => (r.Text("name"), r.Text("key")));

    /// <summary>Every Secret mounted as a volume into the container: its mount path, read-only flag and Secret name.</summary>
    public IEnumerable<(string MountPath, bool ReadOnly, string Secret)> SecretMounts => Container.List("volumeMounts")
        .Select(m => (Mount: m, Volume: Assert.Single(PodSpec.List("volumes"), v => v.Text("name") == m.Text("name"))))
        .Where(m => m.Volume.At("secret") is not null)
        .Select(m => (m.Mount.Text("mountPath"), m.Mount.TextOrNull("readOnly") == "true", m.Volume.Text("secret", "secretName")));

    /// <summary>
    /// The arguments and environment the silo gets in a pod at <paramref name="podIp"/> named <paramref name="podName"/>,
    /// with <paramref name="secret"/> giving each referenced Secret key's value.
    /// </summary>
    public SiloLaunch Launch(string podIp, string podName, Func<string, string, string> secret)
    {
        Assert.Null(Container.At("command")); // the image's entry point runs the silo; the manifest gives its arguments
        var environment = ImmutableDictionary.CreateBuilder<string, string>();
        foreach (var variable in Container.List("env").Cast<YamlMappingNode>())
            environment.Add(variable.Text("name"), ValueOf(variable, podIp, podName, secret));
        return new SiloLaunch($"{Overlay} container silo", [.. Container.List("args").Select(a => ((YamlScalarNode)a).Value!)], environment.ToImmutable());
    }

    private string ValueOf(YamlMappingNode variable, string podIp, string podName, Func<string, string, string> secret)
    {
        if (variable.TextOrNull("value") is { } value)
            return value;
        if (variable.At("valueFrom", "secretKeyRef") is YamlMappingNode reference)
            return secret(reference.Text("name"), reference.Text("key"));
        var field = variable.Text("valueFrom", "fieldRef", "fieldPath");
        const string Labels = "metadata.labels['";
        return field switch
        {
            "status.podIP" => podIp,
            "metadata.name" => podName,
            "metadata.namespace" => Deployment.Text("metadata", "namespace"),
            _ when field.StartsWith(Labels, StringComparison.Ordinal) && field.EndsWith("']", StringComparison.Ordinal) =>
                PodLabels.TryGetValue(field[Labels.Length..^2], out var label) ? label : throw new InvalidOperationException($"{variable.Text("name")}: the pod has no label {field}"),
            _ => throw new InvalidOperationException($"{variable.Text("name")}: the test does not resolve fieldRef {field}"),
        };
    }
}
