namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// With <c>Tls:BindParticipant</c>, a client may call a participant's grain only when its gateway connection presented
/// that participant's certificate: the call's source (the client id the gateway silo bound to the certificate's common
/// name) must be bound to the grain's participant. The signed challenge still proves the key; this adds the certificate.
/// Calls from silos (grains, the keeper) have no client source and pass.
/// </summary>
internal sealed class CertificateBindingFilter(IGatewayIdentityBook book) : IIncomingGrainCallFilter
{
    public async Task Invoke(IIncomingGrainCallContext context)
    {
        if (context.SourceId is { } source && source.IsClient() && context.InterfaceMethod?.DeclaringType == typeof(IParticipantGrain))
        {
            var participant = context.TargetId.Key.ToString();
            var bound = await book.FindAsync(source.ToString()).ConfigureAwait(true);
            if (bound != participant)
            {
                var speaksFor = bound is null ? "no participant (it connected without a certificate the mesh recorded)" : $"'{bound}'";
                throw new MeshCallRefusedException(new MeshError(ErrorCodes.CertificateSpeaksForAnother, participant, $"{context.InterfaceMethod.Name} on '{participant}': this gateway connection's TLS client certificate speaks for {speaksFor}, not '{participant}'"));
            }
        }

        await context.Invoke().ConfigureAwait(true);
    }
}
