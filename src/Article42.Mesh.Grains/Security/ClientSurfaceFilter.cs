using Microsoft.Extensions.Options;

namespace Article42.Mesh.Grains;

/// <summary>
/// Lets a call through when its message carries the cluster secret (silos attach it, <see cref="ClusterSecretOutgoingFilter"/>;
/// read from the message, never the ambient context: <see cref="CarriedRequestContext"/>)
/// or when <see cref="ClientSurface"/> lists its method; refuses every other call with
/// <see cref="ErrorCodes.OutsideClientSurface"/>. Orleans runs this for grain activations, grain extensions and system
/// targets alike. It runs inside the target activation, after <c>OnActivateAsync</c> (cheap: grains load their state on
/// their first allowed call), so an activation that a refused call created and that served nothing else is
/// deactivated at once.
/// </summary>
internal sealed class ClientSurfaceFilter(IOptions<SecurityOptions> options) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (ClusterSecret.Matches(CarriedRequestContext.Get(context, ClusterSecret.Key), options.Value.ClusterSecret) || ClientSurface.IsTimerTick(context.Request) || ClientSurface.Allows(context.InterfaceMethod, context.TargetId))
        {
            if (context.TargetContext.GetComponent<ServedCall>() is null)
                context.TargetContext.SetComponent(ServedCall.Mark);
            return context.Invoke();
        }
        if (context.TargetContext is not SystemTarget && context.TargetContext.GetComponent<ServedCall>() is null)
            context.TargetContext.Deactivate(new DeactivationReason(DeactivationReasonCode.ApplicationRequested, "a refused client call activated it and it served nothing else"));
        throw new MeshCallRefusedException(ClientSurface.Refusal(context.InterfaceMethod));
    }

    /// <summary>Marks an activation that served an allowed call, so a refused call never deactivates it.</summary>
    private sealed class ServedCall
    {
        public static readonly ServedCall Mark = new();
    }
}
