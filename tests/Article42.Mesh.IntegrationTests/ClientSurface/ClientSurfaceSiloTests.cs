using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Article42.Mesh.IntegrationTests.ClientSurface;

/// <summary>
/// The client surface against a real silo process (issue 16): a plain Orleans client (no cluster secret) calls every
/// method of every grain, grain-extension and system-target interface of the silo's assemblies, the dashboard's
/// included (<see cref="SiloInterfaces"/>); each one off the allow-list (<see cref="Grains.ClientSurface"/>) is refused
/// with A42-SEC-003 and its name, the allowed ones are exactly the list, and FR still reaches DE.
/// </summary>
public sealed class ClientSurfaceSiloTests(EmbeddedMesh mesh) : IClassFixture<EmbeddedMesh>
{
    /// <summary>
    /// Orleans grains a mesh silo cannot activate, with the exception their activation fails with before any filter
    /// runs: the version store has no storage provider, the rebalancer worker none of its services (rebalancing is off).
    /// </summary>
    private static readonly Dictionary<string, Type> NotActivatable = new(StringComparer.Ordinal)
    {
        ["Orleans.Runtime.Versions.IVersionStoreGrain"] = typeof(Orleans.Storage.BadProviderConfigException),
        ["Orleans.Placement.Rebalancing.IActivationRebalancerWorker"] = typeof(InvalidOperationException),
    };

    /// <summary>How long a probe of a system-target id may take: an id no target answers to is rejected at once.</summary>
    private static readonly TimeSpan Probe = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Every_method_outside_the_client_surface_is_refused_with_SEC_003_by_a_silo_process_and_the_allowed_ones_are_exactly_the_list()
    {
        var clock = TimeProvider.System.GetTimestamp();
        await using var client = await MeshClient.ConnectEmbeddedAsync(mesh.Ports.Gateway);
        var grains = client.Client;
        var interfaces = SiloInterfaces.All();
        Assert.Contains(interfaces, i => i.Assembly.GetName().Name == "Orleans.Dashboard");
        var silo = Assert.Single(grains.ServiceProvider.GetRequiredService<IClusterManifestProvider>().Current.Silos.Keys, address => !address.IsClient);
        var systemTargetIds = SiloInterfaces.SystemTargetIds(silo, interfaces);

        var calls = new List<(Type Interface, IAddressable Reference, MethodInfo Method)>();
        foreach (var type in interfaces)
        {
            foreach (var reference in await ReferencesAsync(grains, type, systemTargetIds))
                calls.AddRange(type.GetMethods().Where(RemoteCall.Observable).Select(method => (type, reference, method)));
        }

        // Every target at once, on one connection, but each target's calls one after another: a refused call deactivates
        // the activation it created, and Orleans rejects the calls queued on one being deactivated after two forwards
        // ("Forwarding failed"), which would hide what the filter answers.
        var outcomes = (await Task.WhenAll(calls.GroupBy(call => call.Reference.GetGrainId()).Select(async target =>
        {
            var answers = new List<(Type Interface, MethodInfo Method, (MeshError? Refusal, Exception? Failure, bool Answered) Outcome)>();
            foreach (var call in target)
                answers.Add((call.Interface, call.Method, await OutcomeAsync(call.Reference, call.Method)));
            return answers;
        }))).SelectMany(answers => answers);
        var passed = new List<string>();
        var refused = new List<(Type Interface, string Method)>();
        var unanswered = new List<(Type Interface, string Method)>();
        var notActivatable = new List<string>();
        foreach (var (type, method, (refusal, failure, answered)) in outcomes)
        {
            if (!answered)
            {
                unanswered.Add((type, method.Name));
            }
            else if (NotActivatable.TryGetValue(type.FullName!, out var expected))
            {
                // Neither refused nor served: its activation fails, with that exception, before the filter could answer.
                Assert.True(refusal is null && failure?.GetType() == expected,
                    $"{type.Name}.{method.Name}: {(refusal is not null ? $"refused {refusal}" : failure is not null ? $"failed with {failure.GetType()}" : "served")}, not failed with {expected}");
                notActivatable.Add(type.FullName!);
            }
            else if (refusal is not null)
            {
                Assert.Equal((ErrorCodes.OutsideClientSurface, $"{type.Name}.{method.Name}"), (refusal.Code, refusal.Path));
                refused.Add((type, method.Name));
            }
            else
            {
                passed.Add(Grains.ClientSurface.NameOf(method));
            }
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{interfaces.Count} interfaces, {calls.Count} calls: {refused.Count} refused, {passed.Count} passed, {unanswered.Count} unanswered, {notActivatable.Count} not activatable, in {TimeProvider.System.GetElapsedTime(clock).TotalSeconds:0.0} s");
        output?.WriteLine($"unanswered: {string.Join(", ", unanswered.Select(u => $"{u.Interface.Name}.{u.Method}"))}");
        // Every call is answered within the client's response timeout: none is dropped unread, none hangs in the silo.
        Assert.Empty(unanswered);
        Assert.Equal(NotActivatable.Keys.Order(StringComparer.Ordinal), notActivatable.Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Grains.ClientSurface.Entries.Select(e => e.Name).Order(StringComparer.Ordinal), passed.Distinct().Order(StringComparer.Ordinal));
        // What issue 16 found a plain client could do is among the refusals: grains, extensions, the dashboard's grains
        // and system targets named by their well-known ids were all reached.
        var names = refused.Select(r => $"{r.Interface.Name}.{r.Method}").ToHashSet();
        Assert.Subset(names, new HashSet<string> { "IManagementGrain.ForceActivationCollection", "IManagementGrain.GetDetailedGrainStatistics",
            "IManagementGrain.GetDetailedHosts", "IGrainManagementExtension.DeactivateOnIdle", "ISiloControl.ForceActivationCollection",
            "IParticipantGrain.DeliverAsync", "IActivationGrain.SummaryAsync", "IExerciseGrain.StartexAsync", "IDashboardGrain.GetCounters" });
        Assert.Contains(refused, r => r.Interface.Assembly.GetName().Name == "Orleans.Dashboard" && typeof(ISystemTarget).IsAssignableFrom(r.Interface));
        await GatewayChecks.FranceReachesGermanyAsync(mesh.Home, mesh.Ports.Gateway);
    }

    /// <summary>
    /// The references by which a plain client names <paramref name="type"/>: a grain by a key, an extension on a participant
    /// grain, or each system-target id whose target answers a call of it (refused, or served, rather than rejected as not
    /// there or not of that interface); none when nothing in the silo implements it.
    /// </summary>
    private static async Task<IReadOnlyList<IAddressable>> ReferencesAsync(IClusterClient grains, Type type, IReadOnlyList<GrainId> systemTargetIds)
    {
        if (typeof(ISystemTarget).IsAssignableFrom(type))
        {
            var probe = type.GetMethods().FirstOrDefault(RemoteCall.Observable);
            if (probe is null)
                return [];
            var answers = await Task.WhenAll(systemTargetIds.Select(async id =>
            {
                var reference = (IAddressable)grains.GetGrain(id).Cast(type);
                return await AnswersAsync(reference, probe) ? reference : null;
            }));
            return [.. answers.OfType<IAddressable>()];
        }

        if (typeof(IGrainExtension).IsAssignableFrom(type))
            return [(IAddressable)grains.GetGrain<IParticipantGrain>("NO-SUCH-PARTICIPANT").Cast(type)];
        try
        {
            if (typeof(IGrainWithIntegerKey).IsAssignableFrom(type))
                return [grains.GetGrain(type, Grains.ClientSurface.AdminKey)];
            if (typeof(IGrainWithStringKey).IsAssignableFrom(type))
                return [grains.GetGrain(type, "NO-SUCH-PARTICIPANT")];
            if (typeof(IGrainWithGuidKey).IsAssignableFrom(type))
                return [grains.GetGrain(type, Guid.NewGuid())];
        }
        catch (ArgumentException)
        {
            // No grain class implements it in this cluster: the client cannot name it.
        }

        return [];
    }

    /// <summary>How the silo answered a call: refused (with its error), served or failed past the filter, or not at all within the client's response timeout.</summary>
    private static async Task<(MeshError? Refusal, Exception? Failure, bool Answered)> OutcomeAsync(IAddressable reference, MethodInfo method)
    {
        try
        {
            var (refusal, failure) = await RemoteCall.CallAsync(reference, method);
            return (refusal, failure, true);
        }
        catch (TimeoutException)
        {
            return (null, null, false);
        }
    }

    /// <summary>Whether the system target named by <paramref name="reference"/> took a call of <paramref name="probe"/> as its own: refused it, or served it.</summary>
    private static async Task<bool> AnswersAsync(IAddressable reference, MethodInfo probe)
    {
        try
        {
            var (refusal, failure) = await RemoteCall.CallAsync(reference, probe).WaitAsync(Deadline.Scaled(Probe));
            return refusal is not null || failure is null;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
