using Orleans.Connections.Security;

namespace Article42.Mesh.Gateway;

/// <summary>TLS on an Orleans client that talks to the mesh, for hosts that build their own client (<see cref="MeshGateway.Attach"/>).</summary>
public static class MeshTlsClientBuilderExtensions
{
    /// <summary>
    /// The silos' certificates must chain to <see cref="MeshTlsOptions.CertificateAuthorities"/> for server authentication;
    /// the client certificate, when there is one, is always sent: on each new connection the current one of
    /// <see cref="MeshTlsOptions.ClientCertificateFiles"/> (renewed files), else <see cref="MeshTlsOptions.ClientCertificate"/>.
    /// </summary>
    public static IClientBuilder UseMeshTls(this IClientBuilder client, MeshTlsOptions tls)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(tls);
        var own = tls.ClientCertificate;
        return client.UseTls(options =>
        {
            options.LocalCertificate = own;
            options.LocalClientCertificateSelector = own is null ? null : (_, _, _, _, _) => tls.CurrentClientCertificate();
            options.ClientCertificateMode = own is null ? RemoteCertificateMode.NoCertificate : RemoteCertificateMode.RequireCertificate;
            options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
            options.RemoteCertificateValidation = (certificate, chain, _) => TlsPeerCheck.Problem(certificate, chain, tls.CertificateAuthorities, TlsPurpose.Server) is null;
            options.HandshakeTimeout = tls.HandshakeTimeout;
        });
    }
}
