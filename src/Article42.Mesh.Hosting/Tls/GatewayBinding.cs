namespace Article42.Mesh.Hosting.Tls;

/// <summary>
/// One gateway connection's claim on a client id: the participant its TLS client certificate names (common name),
/// that certificate's thumbprint, and the connection holding the claim (<c>gateway silo/connection id</c>).
/// </summary>
internal sealed record GatewayBinding(string Participant, string Thumbprint, string Holder);
