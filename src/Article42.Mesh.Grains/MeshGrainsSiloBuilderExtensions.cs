using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Providers;
using Orleans.Serialization.Configuration;

namespace Article42.Mesh.Grains;

/// <summary>Registers the grains' collaborators in a silo: options, call filters, the keeper. The journal and registry come from the host.</summary>
public static class MeshGrainsSiloBuilderExtensions
{
    public static ISiloBuilder AddMeshGrains(this ISiloBuilder silo, IConfiguration configuration)
    {
        var services = silo.Services;
        services.Configure<DeliveryOptions>(configuration.GetSection(DeliveryOptions.Section));
        services.Configure<SecurityOptions>(configuration.GetSection(SecurityOptions.Section));
        services.TryAddSingleton(new MeshClock(TimeProvider.System));
        services.TryAddSingleton<IMessageLegality, ActivationLegality>();
        services.TryAddSingleton(new OperatorKey(null));
        services.TryAddSingleton<ChallengeKey>();
        // The registry the host starts with seeds the holder; from then on every lookup reads the holder (issue #21).
        services.Configure<RegistryOptions>(configuration.GetSection(RegistryOptions.Section));
        services.TryAddSingleton<IRegistryHolder>(provider => new RegistryHolder(provider.GetRequiredService<ParticipantRegistry>()));
        services.AddHostedService<RegistryFollower>();
        services.AddKeyedSingleton<IControllable, RegistryVersionControl>(RegistryVersionControl.Name);
        // The control is named as the generic argument of the management grain's call to each silo: a type Orleans
        // must be told it may read off the wire.
        services.Configure<TypeManifestOptions>(options => options.AddAllowedType(typeof(RegistryVersionControl)));
        services.TryAddSingleton<IRevokedKeyIds, RegistryRevokedKeyIds>();
        services.AddHostedService<ParticipantKeeper>();
        silo.AddIncomingGrainCallFilter<ClientSurfaceFilter>();
        // First of all filters, whoever registered theirs earlier (TLS binding, dashboard): Orleans runs them in registration order.
        services.Insert(0, ServiceDescriptor.Singleton<IIncomingGrainCallFilter, MeshErrorBoundary>());
        silo.AddOutgoingGrainCallFilter<ClusterSecretOutgoingFilter>();
        return silo;
    }
}
