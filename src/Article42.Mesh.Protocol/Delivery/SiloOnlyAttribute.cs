namespace Article42.Mesh.Protocol;

/// <summary>
/// Marks a grain method that only silos may call: any connected client can name any grain method, so such calls
/// must carry the cluster secret, which only silos hold. Enforced by an incoming call filter in the silo.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SiloOnlyAttribute : Attribute;
