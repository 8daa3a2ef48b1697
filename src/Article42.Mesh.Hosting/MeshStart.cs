using Article42.Mesh.Grains;
using Article42.Mesh.Hosting.Configuration;
using Article42.Mesh.Hosting.Tls;

namespace Article42.Mesh.Hosting;

/// <summary>What a silo is started with once its settings are checked: the registry, the operator key, the open journal, the cluster secret, the TLS material (null: TLS off).</summary>
public sealed record MeshStart(MeshSettings Settings, ParticipantRegistry Registry, OperatorKey OperatorKey, IMessageJournal Journal, string ClusterSecret, SiloTlsMaterial? Tls = null);
